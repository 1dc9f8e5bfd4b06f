import { env, SELF } from "cloudflare:test";
import { signLocalToken } from "../../../shared/auth/sign-token.ts";
import { type Sql, withUser } from "../../../shared/db/database.ts";
import type { EventType } from "../../../shared/events/catalogue.ts";
import type { ServerFrame } from "../../../shared/events/protocol.ts";
import { publishEvents } from "../../../shared/events/publish.ts";
import { type RecordedEvent, recordEvent } from "../../../shared/events/record.ts";
import { claimsFor, ORGANIZATIONS, type SeedUser, USERS } from "../../helpers/db.ts";

/** A signed access token for a seeded user. */
export function tokenFor(user: SeedUser): Promise<string> {
  return signLocalToken({
    userId: user.id,
    email: user.email,
    supabaseUrl: env.SUPABASE_URL,
    jwtSecret: env.SUPABASE_JWT_SECRET,
  });
}

/** A URL under a workspace. */
export function workspaceUrl(workspaceId: string, path: string): string {
  return `http://api.test/api/workspaces/${workspaceId}${path}`;
}

/** Options of a test socket connection. */
export interface ConnectOptions {
  token?: string;
  /** Send the token as `bearer.<token>` in Sec-WebSocket-Protocol instead of Authorization. */
  tokenInProtocol?: boolean;
  protocols?: string[];
  lastEventId?: number | string;
  /** Extra request headers (to prove client-sent internal headers are ignored). */
  headers?: Record<string, string>;
}

/** Starts a WebSocket upgrade through the real router and returns the raw response. */
export function upgrade(workspaceId: string, path: string, options: ConnectOptions = {}): Promise<Response> {
  const headers = new Headers({ ...options.headers, upgrade: "websocket" });
  const protocols = [...(options.protocols ?? [])];
  if (options.token && options.tokenInProtocol) protocols.push(`bearer.${options.token}`);
  else if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (protocols.length > 0) headers.set("sec-websocket-protocol", protocols.join(", "));
  const query = options.lastEventId === undefined ? "" : `?last_event_id=${options.lastEventId}`;
  return SELF.fetch(workspaceUrl(workspaceId, `${path}${query}`), { headers });
}

/** A connected client socket that records every frame it receives. */
export class TestSocket {
  readonly ws: WebSocket;
  readonly frames: ServerFrame[] = [];
  readonly #waiters: Array<() => void> = [];
  closed = false;

  constructor(ws: WebSocket) {
    this.ws = ws;
    ws.addEventListener("message", (message) => {
      this.frames.push(JSON.parse(message.data as string) as ServerFrame);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    ws.addEventListener("close", () => {
      this.closed = true;
      for (const wake of this.#waiters.splice(0)) wake();
    });
    ws.accept();
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** Waits for the first recorded frame (from `from` on) matching `match`. */
  async next<F extends ServerFrame>(
    match: (frame: ServerFrame) => frame is F,
    options: { from?: number; timeoutMs?: number } = {},
  ): Promise<F> {
    const deadline = Date.now() + (options.timeoutMs ?? 5_000);
    for (;;) {
      const found = this.frames.slice(options.from ?? 0).find(match);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`no matching frame within the timeout; got ${JSON.stringify(this.frames)}`);
      }
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Event frames received so far whose data carries `marker`. */
  eventsMarked(marker: string): Extract<ServerFrame, { type: "event" }>[] {
    return this.frames.filter(
      (frame): frame is Extract<ServerFrame, { type: "event" }> =>
        frame.type === "event" && frame.data.marker === marker,
    );
  }

  close(): void {
    if (!this.closed) this.ws.close(1000, "test done");
  }
}

/** Connects and waits for the initial `subscribed` frame. */
export async function connect(workspaceId: string, path: string, options: ConnectOptions = {}): Promise<TestSocket> {
  const res = await upgrade(workspaceId, path, options);
  if (res.status !== 101 || !res.webSocket) throw new Error(`upgrade refused: ${res.status} ${await res.text()}`);
  const socket = new TestSocket(res.webSocket);
  await socket.next(isFrame("subscribed"));
  return socket;
}

/** A type guard for frames of one type. */
export function isFrame<T extends ServerFrame["type"]>(type: T) {
  return (frame: ServerFrame): frame is Extract<ServerFrame, { type: T }> => frame.type === type;
}

/** A guard for the event frame carrying `marker` in its data. */
export function isMarkedEvent(marker: string) {
  return (frame: ServerFrame): frame is Extract<ServerFrame, { type: "event" }> =>
    frame.type === "event" && frame.data.marker === marker;
}

/** Records an event as a user (RLS applies), commits, then publishes it the way REST code does. */
export async function recordAndPublish(
  sql: Sql,
  user: SeedUser,
  workspaceId: string,
  type: EventType,
  payload: Record<string, unknown>,
  lord: RecordedEvent["lord"] = null,
): Promise<RecordedEvent> {
  const event = await withUser(sql, claimsFor(user), (tx) =>
    recordEvent(tx, { workspaceId, type, payload, lord, actorId: user.id }),
  );
  await publishEvents(env, [event]);
  return event;
}

/** A marker unique to one test, carried in event payloads so parallel runs never mix. */
export function marker(): string {
  return crypto.randomUUID();
}

/** Gives in-flight socket deliveries a moment to arrive (for asserting that nothing did). */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Members of a test workspace and their roles. */
export type Members = ReadonlyArray<readonly [SeedUser, "viewer" | "analyst" | "lord_operator" | "admin"]>;

/** alice admin, oliver lord_operator, victor viewer. */
export const DEFAULT_MEMBERS: Members = [
  [USERS.alice, "admin"],
  [USERS.oliver, "lord_operator"],
  [USERS.victor, "viewer"],
];

/**
 * A workspace of this test file's own, so evictions and fan-out counts never meet another
 * file's sockets. Enterprise plan: the suite's request rate stays far from its limits.
 */
export async function createWorkspace(sql: Sql, label: string, members: Members = DEFAULT_MEMBERS): Promise<string> {
  const id = crypto.randomUUID();
  await sql`
    insert into public.workspaces (id, organization_id, name, slug, plan)
    values (${id}, ${ORGANIZATIONS.acme}, ${`Lords runtime: ${label}`}, ${`lords-${label}-${id.slice(0, 8)}`}, 'enterprise')`;
  for (const [user, role] of members) {
    await sql`
      insert into public.workspace_members (workspace_id, user_id, role) values (${id}, ${user.id}, ${role})
      on conflict (workspace_id, user_id) do update set role = excluded.role`;
  }
  return id;
}

/** Removes a test workspace and everything in it. */
export async function dropWorkspace(sql: Sql, id: string): Promise<void> {
  await sql`delete from public.workspaces where id = ${id}`;
}
