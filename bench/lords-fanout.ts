/**
 * `npm run bench -- lords-fanout [--clients 1,100,1000] [--channel lord|workspace] [--actions 30]`:
 * time from an HTTP action to its event arriving at 1, 100 and 1,000 WebSocket clients (p50/p99
 * over every client and action, and of the last client per action), with the action's own HTTP
 * latency and `GET /health`, interleaved one for one in the same run, as the baseline.
 *
 * The action is Architect's `design_initiative` (clients on `/ws/lords/architect`, or the
 * workspace channel with `--channel workspace`); until the Architect's routes exist, `POST
 * …/campaigns` (its `campaign.created` reaches the workspace channel). Actions run one at a
 * time, each waiting for every client, for at most `--actions` or `--duration` per size.
 * Arrival times are taken in this one process, so at 1,000 clients they include the time its
 * event loop needs to take 1,000 messages in turn.
 */
import { parseArgs } from "node:util";
import postgres from "postgres";
import { SOCKET_PROTOCOL } from "../shared/events/protocol.ts";
import {
  type BenchMember,
  type BenchmarkContext,
  createBenchWorkspace,
  LORD_BENCHES,
  lordRequest,
  percentile,
  printRatios,
  probeLord,
  type Row,
  runBenchmark,
  startProjectWorker,
} from "./lib/index.ts";

/** Sockets opened at once; the next batch waits until these have their `subscribed` frame. */
const OPEN_BATCH = 50;
/** Sockets sent a close at once, with a pause between batches. */
const CLOSE_BATCH = 100;
const CLOSE_PAUSE_MS = 50;
/** How long a closed socket waits for the server's close frame (the handshake's second half). */
const CLOSE_WAIT_MS = 3_000;
const MAX_CLIENTS = 1_000;
const MAX_ACTIONS = 200;
const SOCKET_TIMEOUT_MS = 10_000;
const ARRIVAL_TIMEOUT_MS = 10_000;
/** Unrecorded actions after each size's sockets are open. */
const WARMUP_ACTIONS = 2;
/** How long a first socket must stay open before measuring, and how often to try. */
const SETTLE_MS = 2_000;
const SETTLE_ATTEMPTS = 5;
/** Members the upgrades and actions rotate over, so no per-user limit is what gets measured. */
const MEMBERS = 8;

const { values: flags } = parseArgs({
  strict: false,
  options: { clients: { type: "string" }, channel: { type: "string" }, actions: { type: "string" } },
});
const sizes = String(flags.clients ?? "1,100,1000")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
  .map((n) => Math.min(n, MAX_CLIENTS));
const actionsPerSize = Math.min(Number(flags.actions ?? 30) || 30, MAX_ACTIONS);

/** What the clients wait for: an HTTP call whose event carries the call's marker. */
interface Action {
  label: string;
  /** Socket path under the workspace. */
  channel: string;
  request(marker: string, member: BenchMember): [path: string, init: RequestInit];
}

/** One action in flight: its clients' arrival times, relative to sending the request. */
interface Round {
  marker: string;
  sentAt: number;
  arrivals: number[];
  seen: WeakSet<WebSocket>;
  expected: number;
  done: () => void;
}

let round: Round | undefined;

/** The benchmark body; run at the end of the module, once every declaration is initialised. */
async function fanout({ load, defer }: BenchmarkContext): Promise<void> {
  const worker = defer(await startProjectWorker());
  const stack = worker.stack;
  if (!stack) throw new Error("the project Worker reports no stack");
  const sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
  defer({ dispose: () => sql.end({ timeout: 5 }) });
  const workspace = await createBenchWorkspace(sql, stack, {
    label: "lords-fanout",
    members: MEMBERS,
    role: "lord_operator",
  });
  let turn = 0;
  const nextMember = () => workspace.members[turn++ % workspace.members.length]!;
  const action = await chooseAction(worker.url, workspace.id, nextMember(), flags.channel);
  console.log(`Action: ${action.label}; clients on ${action.channel}\n`);

  const send = async (path: string, init: RequestInit) => {
    const res = await fetch(`${worker.url}${path}`, init);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: HTTP ${res.status}`);
  };
  const socketUrl = `${worker.url.replace(/^http/, "ws")}/api/workspaces/${workspace.id}${action.channel}`;
  const connections = () => channelConnections(worker.url, workspace.id, action.channel, nextMember());
  await settle(socketUrl, nextMember().token, connections);
  let markers = 0;

  /** Runs one action and waits for its event at every open client; resolves the HTTP latency. */
  const act = async (clients: number) => {
    const marker = `bench fanout ${++markers} ${crypto.randomUUID().slice(0, 8)}`;
    const arrived = new Promise<void>((resolve) => {
      round = { marker, sentAt: 0, arrivals: [], seen: new WeakSet(), expected: clients, done: resolve };
    });
    const current = round!;
    const timer = setTimeout(current.done, ARRIVAL_TIMEOUT_MS);
    current.sentAt = performance.now();
    await send(...action.request(marker, nextMember()));
    const http = performance.now() - current.sentAt;
    await arrived;
    clearTimeout(timer);
    round = undefined;
    return { http, arrivals: current.arrivals, missing: clients - current.arrivals.length };
  };

  const rows: Row[] = [];
  const notes: string[] = [];
  const allHealth: number[] = [];
  for (const size of sizes) {
    const opening = performance.now();
    const sockets = defer(new SocketSet());
    for (let i = 0; i < size; i += OPEN_BATCH) {
      const batch = Math.min(OPEN_BATCH, size - i);
      await Promise.all(Array.from({ length: batch }, () => sockets.open(socketUrl, nextMember().token)));
    }
    const openedMs = performance.now() - opening;
    const accepted = await connections();
    if (accepted !== size) throw new Error(`${size} sockets open here, the channel counts ${accepted}`);

    for (let i = 0; i < WARMUP_ACTIONS; i++) await act(size);
    const health: number[] = [];
    const http: number[] = [];
    const arrivals: number[] = [];
    const last: number[] = [];
    let missing = 0;
    const deadline = performance.now() + load.durationMs;
    for (let i = 0; i < actionsPerSize && performance.now() < deadline; i++) {
      const started = performance.now();
      await send("/health", {});
      health.push(performance.now() - started);
      const result = await act(size);
      http.push(result.http);
      arrivals.push(...result.arrivals);
      last.push(result.arrivals.length > 0 ? Math.max(...result.arrivals) : Number.NaN);
      missing += result.missing;
    }
    allHealth.push(...health);

    const dropped = sockets.dropped();
    const closing = performance.now();
    const unclean = await sockets.closeAll();
    const closedMs = performance.now() - closing;
    const left = await settledConnections(connections);
    notes.push(
      `${size} clients: opened in ${(openedMs / 1000).toFixed(1)} s (${OPEN_BATCH} at a time), ` +
        `${http.length} actions, ${missing} arrivals missing after ${ARRIVAL_TIMEOUT_MS / 1000} s, ` +
        `${dropped} sockets dropped by the server; ` +
        `closed in ${(closedMs / 1000).toFixed(1)} s: ${unclean} got no close frame back within ${CLOSE_WAIT_MS / 1000} s, ` +
        `${left} still counted by the channel`,
    );
    rows.push(
      toRow(`${size} clients: GET /health`, health),
      toRow(`${size} clients: ${action.label} (HTTP)`, http),
      toRow(`${size} clients: event arrival, every client`, arrivals, missing),
      toRow(`${size} clients: event arrival, last client`, last.filter(Number.isFinite)),
    );
  }

  const baseline = toRow("GET /health (all sizes)", allHealth);
  printRatios([baseline, ...rows], baseline.name);
  console.log("\nArrival: from sending the action's request to the event frame at a client. rps: not measured.");
  for (const note of notes) console.log(note);
}

/** Architect's design_initiative when its routes exist, otherwise POST …/campaigns. */
async function chooseAction(
  baseUrl: string,
  workspaceId: string,
  member: BenchMember,
  channel: unknown,
): Promise<Action> {
  const architect = LORD_BENCHES.find((bench) => bench.lord === "architect")!;
  const reason = await probeLord(baseUrl, architect, { workspaceId, ...member });
  if (reason === null) {
    return {
      label: `POST architect ${architect.mutate.capability}`,
      channel: channel === "workspace" ? "/ws/workspace" : "/ws/lords/architect",
      request: (marker, caller) => lordRequest("architect", architect.mutate, { workspaceId, ...caller }, marker),
    };
  }
  console.log(`Architect not measurable yet (${reason}); using POST campaigns instead.`);
  return {
    label: "POST campaigns",
    channel: "/ws/workspace",
    request: (marker, caller) => [
      `/api/workspaces/${workspaceId}/campaigns`,
      {
        method: "POST",
        headers: { authorization: caller.authorization, "content-type": "application/json" },
        body: JSON.stringify({ name: marker, objective_type: "conversion" }),
      },
    ],
  };
}

/**
 * Waits until a socket stays open for SETTLE_MS: the Worker can still reload in its first
 * seconds after the harness reports it ready, which drops every socket (1006) and Durable
 * Object state, and would show up as missing arrivals.
 */
async function settle(url: string, token: string, connections: () => Promise<number>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const sentinel = new SocketSet();
    await sentinel.open(url, token);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const stable = sentinel.allOpen() && (await connections()) === 1;
    await sentinel.closeAll();
    if (stable) return;
    if (attempt === SETTLE_ATTEMPTS) throw new Error(`sockets kept dropping for ${attempt} attempts`);
    console.log(`A socket dropped while the Worker settled (attempt ${attempt}); trying again`);
    await settledConnections(connections);
  }
}

/** Sockets on the channel as its Durable Object counts them (the Lord's, or the bus's). */
async function channelConnections(
  baseUrl: string,
  workspaceId: string,
  channel: string,
  member: BenchMember,
): Promise<number> {
  const lord = /^\/ws\/lords\/(\w+)$/.exec(channel)?.[1];
  const path = lord ? `/lords/${lord}/status` : "/lords/council/status";
  const res = await fetch(`${baseUrl}/api/workspaces/${workspaceId}${path}`, {
    headers: { authorization: member.authorization },
  });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  const { data } = (await res.json()) as { data: { connections?: number; bus?: { connections: number } } };
  return (lord ? data.connections : data.bus?.connections) ?? Number.NaN;
}

/** The channel's count once closes have been processed (up to 5 s). */
async function settledConnections(count: () => Promise<number>): Promise<number> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const left = await count();
    if (left === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Open client sockets, each recording the current round's event on arrival. */
class SocketSet {
  readonly #sockets: WebSocket[] = [];

  /** Opens a socket (token in the subprotocol, as browsers send it) and waits for `subscribed`. */
  open(url: string, token: string): Promise<void> {
    const ws = new WebSocket(url, [`bearer.${token}`, SOCKET_PROTOCOL]);
    this.#sockets.push(ws);
    ws.addEventListener("message", (message) => {
      // Timestamp first: everything after it is this process's time, not the server's.
      const at = performance.now();
      const current = round;
      if (!current || typeof message.data !== "string" || !message.data.includes(current.marker)) return;
      if (current.seen.has(ws)) return;
      current.seen.add(ws);
      current.arrivals.push(at - current.sentAt);
      if (current.arrivals.length === current.expected) current.done();
    });
    return new Promise((resolve, reject) => {
      const fail = (why: string) => {
        clearTimeout(timer);
        reject(new Error(`socket ${this.#sockets.length}: ${why}`));
      };
      const timer = setTimeout(() => fail(`no 'subscribed' frame in ${SOCKET_TIMEOUT_MS} ms`), SOCKET_TIMEOUT_MS);
      const subscribed = (message: MessageEvent) => {
        if (typeof message.data !== "string" || !message.data.includes('"subscribed"')) return;
        clearTimeout(timer);
        ws.removeEventListener("message", subscribed);
        resolve();
      };
      ws.addEventListener("message", subscribed);
      ws.addEventListener("error", () => fail("upgrade or connection failed"));
      ws.addEventListener("close", (event) => fail(`closed ${event.code} ${event.reason}`));
    });
  }

  /**
   * Sends every socket a close (1000), a batch at a time, then waits (up to CLOSE_WAIT_MS) for
   * the server's close frames; resolves how many never came back.
   */
  async closeAll(): Promise<number> {
    const sockets = this.#sockets.splice(0);
    const closed: Promise<boolean>[] = [];
    for (let i = 0; i < sockets.length; i += CLOSE_BATCH) {
      closed.push(...sockets.slice(i, i + CLOSE_BATCH).map(closeCleanly));
      await new Promise((resolve) => setTimeout(resolve, CLOSE_PAUSE_MS));
    }
    return (await Promise.all(closed)).filter((clean) => !clean).length;
  }

  /** Whether every socket is still open (none was dropped). */
  allOpen(): boolean {
    return this.#sockets.every((ws) => ws.readyState === WebSocket.OPEN);
  }

  /** How many sockets are no longer open. */
  dropped(): number {
    return this.#sockets.filter((ws) => ws.readyState !== WebSocket.OPEN).length;
  }

  async dispose(): Promise<void> {
    await this.closeAll();
  }
}

function closeCleanly(ws: WebSocket): Promise<boolean> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), CLOSE_WAIT_MS);
    ws.addEventListener("close", (event) => {
      clearTimeout(timer);
      resolve(event.wasClean);
    });
    ws.close(1000, "bench done");
  });
}

/** A table row from latencies (ms); rates are not measured here. */
function toRow(name: string, latencies: number[], errors = 0): Row {
  const sorted = Float64Array.from(latencies).sort();
  return {
    name,
    requests: sorted.length,
    errors,
    ...(errors > 0 ? { firstError: `${errors} arrivals missing` } : {}),
    durationMs: Number.NaN,
    rps: Number.NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

await runBenchmark("lords-fanout: an action's event at 1 to 1,000 WebSocket clients", fanout);
