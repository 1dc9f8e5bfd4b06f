import { Buffer } from "node:buffer";
import { EventEmitter } from "node:events";
import { connect, type Sql } from "../shared/db/database.ts";

/**
 * Seconds a Durable Object keeps an idle Postgres connection. An open connection keeps the
 * object from hibernating (and from being evicted); Hyperdrive pools the real connections, so
 * opening another one later is cheap.
 */
const IDLE_SECONDS = 1;

/**
 * A Postgres client for a Durable Object. Unlike a Worker request, whose sockets the runtime
 * closes when the request ends, a Durable Object's connections live as long as the object, so
 * they must close themselves when idle. postgres.js's own Workers socket leaves an unhandled
 * rejection every time a connection closes (porsager/postgres#1196, #1202); this one does not.
 */
export function durableObjectSql(hyperdrive: Hyperdrive): Sql {
  return connect(hyperdrive.connectionString, {
    max: 2,
    idleTimeoutSeconds: IDLE_SECONDS,
    socket: () => new HyperdriveSocket(hyperdrive.connect()),
  });
}

/**
 * The subset of a Node socket postgres.js uses (`data`, `error`, `close`; write, end,
 * destroy), over a Hyperdrive TCP socket. Failures after close are expected and swallowed;
 * an error is only emitted while someone listens for it.
 */
class HyperdriveSocket extends EventEmitter {
  readyState: "open" | "closed" = "open";
  readonly #socket: Socket;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(socket: Socket) {
    super();
    this.#socket = socket;
    this.#writer = socket.writable.getWriter();
    this.#reader = socket.readable.getReader();
    socket.closed.then(
      () => this.#finish(),
      (err: unknown) => this.#fail(err),
    );
    void this.#read();
  }

  write(data: Uint8Array, callback?: () => void): boolean {
    if (this.readyState === "closed") return false;
    this.#writer.write(data).then(
      () => callback?.(),
      (err: unknown) => this.#fail(err),
    );
    return true;
  }

  end(data?: Uint8Array): void {
    if (this.readyState === "closed") return;
    if (data) this.write(data);
    // Close after pending writes (postgres.js ends with a Terminate message).
    this.#writer
      .close()
      .catch(() => {})
      .finally(() => this.#socket.close().catch(() => {}));
  }

  destroy(): void {
    this.#socket.close().catch(() => {});
    this.#finish();
  }

  // Used by postgres.js only for COPY streams, which nothing here runs.
  pause(): void {}
  resume(): void {}

  async #read(): Promise<void> {
    try {
      for (;;) {
        const { done, value } = await this.#reader.read();
        if (done) break;
        this.emit("data", Buffer.from(value));
      }
    } catch (err) {
      this.#fail(err);
    } finally {
      this.#finish();
    }
  }

  #fail(err: unknown): void {
    if (this.readyState === "closed") return;
    if (this.listenerCount("error") > 0) this.emit("error", err);
    this.#finish();
  }

  #finish(): void {
    if (this.readyState === "closed") return;
    this.readyState = "closed";
    this.emit("close");
  }
}
