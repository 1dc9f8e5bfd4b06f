import { controlFrame, eventFrame, parseClientMessage, type ServerFrame } from "../../shared/events/protocol.ts";
import type { RecordedEvent } from "../../shared/events/record.ts";
import type { Logger } from "../../shared/logging/logger.ts";
import type { SocketIdentity } from "../../shared/lords/socket-identity.ts";
import {
  addSubscriptions,
  initialSubscriptions,
  removeSubscriptions,
  type SocketAttachment,
  unionOf,
  wants,
} from "./subscriptions.ts";

/** Events read from Postgres per replay query. */
const REPLAY_PAGE_SIZE = 500;
/**
 * The most events one resume replays. A client further behind is told so (REPLAY_TRUNCATED)
 * and should reload its state over HTTP, then resume from the newest event it got.
 */
const REPLAY_LIMIT = 10_000;

/** What a hub needs from the Durable Object that owns it. */
export interface SocketHubOptions {
  state: DurableObjectState;
  /** Reads the workspace's events after a sequence, oldest first (the replay source). */
  readEvents(afterSequence: number, limit: number): Promise<RecordedEvent[]>;
  /** Called after sockets connect, close or change subscriptions (a Lord tells the bus). */
  onChange?(): Promise<void>;
  logger: Logger;
}

/** What one broadcast cost: frames written, and how many events were serialised for them. */
export interface BroadcastResult {
  sent: number;
  serialized: number;
}

/**
 * The WebSocket sessions of one Durable Object, on the hibernation API: identity and
 * subscriptions live in socket attachments, so they survive hibernation and eviction. Fans
 * events out with one serialisation per event, and replays from Postgres on resume without
 * gaps or duplicates (live events are held back while a socket's replay runs).
 */
export class SocketHub {
  readonly #state: DurableObjectState;
  readonly #options: SocketHubOptions;
  // Deserialised attachments, so a broadcast does not decode every socket's state each time.
  readonly #attachments = new WeakMap<WebSocket, SocketAttachment>();
  // Live events held back per socket while its replay runs.
  readonly #held = new Map<WebSocket, RecordedEvent[]>();
  // Sequences a socket got by replay, so their late live copies are not sent twice.
  readonly #replayed = new WeakMap<WebSocket, Set<number>>();

  constructor(options: SocketHubOptions) {
    this.#state = options.state;
    this.#options = options;
  }

  /** Accepts a socket for an authenticated member; answers the 101 with the chosen subprotocol. */
  async accept(workspaceId: string, identity: SocketIdentity): Promise<Response> {
    const { 0: client, 1: server } = new WebSocketPair();
    this.#state.acceptWebSocket(server);
    const attachment: SocketAttachment = {
      socketId: crypto.randomUUID(),
      userId: identity.userId,
      role: identity.role,
      workspaceId,
      lord: identity.lord,
      events: initialSubscriptions(identity.lord),
      connectedAt: new Date().toISOString(),
    };
    this.#save(server, attachment);
    await this.#changed();
    this.#send(server, { type: "subscribed", events: attachment.events });
    if (identity.lastEventId !== null) this.#state.waitUntil(this.#replay(server, identity.lastEventId));
    const headers = identity.protocol ? { "sec-websocket-protocol": identity.protocol } : undefined;
    return new Response(null, { status: 101, webSocket: client, headers });
  }

  /** Sends events to every open socket that wants them. */
  broadcast(events: readonly RecordedEvent[]): BroadcastResult {
    const result: BroadcastResult = { sent: 0, serialized: 0 };
    if (events.length === 0) return result;
    const frames: (string | undefined)[] = [];
    for (const ws of this.#open()) {
      const attachment = this.attachment(ws);
      if (!attachment) continue;
      const held = this.#held.get(ws);
      if (held) {
        held.push(...events);
        continue;
      }
      const replayed = this.#replayed.get(ws);
      events.forEach((event, index) => {
        if (!wants(attachment, event) || replayed?.has(event.sequence)) return;
        let frame = frames[index];
        if (frame === undefined) {
          frame = eventFrame(event);
          frames[index] = frame;
          result.serialized++;
        }
        if (this.#sendRaw(ws, frame)) result.sent++;
      });
    }
    return result;
  }

  /** Handles one client frame; invalid ones get an error frame and the socket stays open. */
  async message(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    try {
      await this.#handle(ws, raw);
    } catch (err) {
      this.#options.logger.error("socket frame failed", { error: err instanceof Error ? err.message : String(err) });
      this.#send(ws, { type: "error", code: "INTERNAL_ERROR", message: "The frame could not be handled; try again" });
    }
  }

  async #handle(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    const attachment = this.attachment(ws);
    if (!attachment) {
      ws.close(1011, "Socket state was lost; reconnect and resume");
      return;
    }
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) {
      this.#send(ws, { type: "error", code: parsed.code, message: parsed.message });
      return;
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case "ping":
        this.#send(ws, { type: "pong" });
        return;
      case "subscribe":
      case "unsubscribe": {
        const events =
          frame.type === "subscribe"
            ? addSubscriptions(attachment.events, frame.events)
            : removeSubscriptions(attachment.events, frame.events);
        this.#save(ws, { ...attachment, events });
        await this.#changed();
        this.#send(ws, { type: "subscribed", events });
        return;
      }
      case "resume":
        if (this.#held.has(ws)) {
          this.#send(ws, { type: "error", code: "REPLAY_IN_PROGRESS", message: "A replay is already running" });
          return;
        }
        await this.#replay(ws, frame.last_event_id);
        return;
    }
  }

  /**
   * Forgets a closed socket and lets the owner update what it listens to. With the hibernation
   * API the server must answer the client's close frame itself, or the client waits and ends 1006.
   */
  async closed(ws: WebSocket, code?: number, reason?: string): Promise<void> {
    this.#held.delete(ws);
    try {
      // 1005/1006 are reserved for "no status"/"abnormal" and may not be sent on the wire.
      ws.close(code && code !== 1005 && code !== 1006 ? code : 1000, reason ?? "");
    } catch {
      // Already closed (an error or an eviction): nothing to answer.
    }
    await this.#changed();
  }

  /** Open sockets. */
  count(): number {
    return this.#open().length;
  }

  /** The union of open sockets' explicit subscriptions. */
  subscriptions(): ReturnType<typeof unionOf> {
    return unionOf(
      this.#open()
        .map((ws) => this.attachment(ws))
        .filter((attachment) => attachment !== undefined),
    );
  }

  /** A socket's attachment (decoded once per instance). */
  attachment(ws: WebSocket): SocketAttachment | undefined {
    let attachment = this.#attachments.get(ws);
    if (!attachment) {
      attachment = (ws.deserializeAttachment() as SocketAttachment | null) ?? undefined;
      if (attachment) this.#attachments.set(ws, attachment);
    }
    return attachment;
  }

  /**
   * Replays events after `afterSequence` that the socket wants, then the live events held
   * back meanwhile that the replay did not already cover. Sequences commit in order within a
   * workspace (see recordEvent), so "after N" misses nothing.
   */
  async #replay(ws: WebSocket, afterSequence: number): Promise<void> {
    const held: RecordedEvent[] = [];
    this.#held.set(ws, held);
    const replayed = new Set<number>();
    this.#replayed.set(ws, replayed);
    try {
      let cursor = afterSequence;
      let total = 0;
      for (;;) {
        const page = await this.#options.readEvents(cursor, REPLAY_PAGE_SIZE);
        const attachment = this.attachment(ws);
        if (!attachment) return;
        for (const event of page) {
          replayed.add(event.sequence);
          if (wants(attachment, event)) this.#sendRaw(ws, eventFrame(event));
        }
        total += page.length;
        const last = page.at(-1);
        if (page.length < REPLAY_PAGE_SIZE || !last) break;
        cursor = last.sequence;
        if (total >= REPLAY_LIMIT) {
          this.#send(ws, {
            type: "error",
            code: "REPLAY_TRUNCATED",
            message: `Replayed the ${REPLAY_LIMIT} events after ${afterSequence}; reload state, then resume from ${cursor}`,
          });
          break;
        }
      }
    } catch (err) {
      this.#options.logger.error("socket replay failed", { error: err instanceof Error ? err.message : String(err) });
      this.#send(ws, { type: "error", code: "REPLAY_FAILED", message: "Replay failed; resume again" });
    } finally {
      this.#held.delete(ws);
      const attachment = this.attachment(ws);
      for (const event of held.sort((a, b) => a.sequence - b.sequence)) {
        if (attachment && wants(attachment, event) && !replayed.has(event.sequence)) {
          replayed.add(event.sequence);
          this.#sendRaw(ws, eventFrame(event));
        }
      }
    }
  }

  // The owner's reaction to a change (a Lord telling the bus) must not cost the socket: each
  // report carries the full state, so the next change repairs a failed one.
  async #changed(): Promise<void> {
    try {
      await this.#options.onChange?.();
    } catch (err) {
      this.#options.logger.error("socket change could not be reported", {
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }

  #open(): WebSocket[] {
    return this.#state.getWebSockets().filter((ws) => ws.readyState === WebSocket.OPEN);
  }

  #save(ws: WebSocket, attachment: SocketAttachment): void {
    ws.serializeAttachment(attachment);
    this.#attachments.set(ws, attachment);
  }

  #send(ws: WebSocket, frame: Exclude<ServerFrame, { type: "event" }>): void {
    this.#sendRaw(ws, controlFrame(frame));
  }

  // A socket can close between listing and sending; that is not an error for the others.
  #sendRaw(ws: WebSocket, frame: string): boolean {
    try {
      ws.send(frame);
      return true;
    } catch {
      return false;
    }
  }
}
