import type { LordName } from "../events/catalogue.ts";
import type { Subscription } from "../events/protocol.ts";
import type { RecordedEvent } from "../events/record.ts";
import { lordObjectName } from "./names.ts";
import { type ExecuteResult, unwrap } from "./result.ts";
import { type SocketIdentity, socketRequest } from "./socket-identity.ts";
import type { Actor, BusStats, LordStatus } from "./types.ts";

/** Who is asking a Lord to act, and under which request id. */
export interface ExecuteContext {
  actor: Actor;
  requestId: string;
}

/** A workspace's Lord, hiding its Durable Object stub. */
export interface LordClient {
  /** Runs a capability; a refusal or failure is thrown as the ApiError it was in the Lord. */
  execute<T = unknown>(capability: string, input: unknown, context: ExecuteContext): Promise<T>;
  /** The same, returning the result union instead of throwing. */
  tryExecute<T = unknown>(capability: string, input: unknown, context: ExecuteContext): Promise<ExecuteResult<T>>;
  status(): Promise<LordStatus>;
  /** Hands the Lord events the bus routed to it (its sockets, its reactions). */
  deliver(events: RecordedEvent[]): Promise<void>;
  /** Forwards an authenticated WebSocket upgrade to the Lord's channel. */
  connect(url: string, identity: SocketIdentity): Promise<Response>;
}

/** The client of one workspace's Lord. */
export function lordClient(env: Env, workspaceId: string, lord: LordName): LordClient {
  const stub = env.LORDS.getByName(lordObjectName(workspaceId, lord));
  const tryExecute = async <T>(capability: string, input: unknown, context: ExecuteContext) =>
    (await stub.execute({ capability, input, ...context })) as ExecuteResult<T>;
  return {
    tryExecute,
    execute: async <T>(capability: string, input: unknown, context: ExecuteContext) =>
      unwrap(await tryExecute<T>(capability, input, context)),
    status: async () => (await stub.status()) as LordStatus,
    deliver: async (events) => {
      await stub.deliver(events);
    },
    connect: (url, identity) => stub.fetch(socketRequest(url, { ...identity, lord })),
  };
}

/** A workspace's RaptorBus, hiding its Durable Object stub. */
export interface WorkspaceBusClient {
  /** Fans committed events out; `origin` is the publishing Lord, if one did. */
  publish(events: RecordedEvent[], origin?: LordName | null): Promise<{ frames: number; lords: LordName[] }>;
  setLordInterest(lord: LordName, events: Subscription[] | null, version: number): Promise<void>;
  stats(): Promise<BusStats>;
  /** Forwards an authenticated WebSocket upgrade to the workspace channel. */
  connect(url: string, identity: SocketIdentity): Promise<Response>;
}

/** The client of one workspace's bus. */
export function workspaceBus(env: Env, workspaceId: string): WorkspaceBusClient {
  const stub = env.WORKSPACE_BUS.getByName(workspaceId);
  return {
    publish: async (events, origin = null) => {
      const receipt = await stub.publish(events, origin);
      return { frames: receipt.frames, lords: [...receipt.lords] };
    },
    setLordInterest: async (lord, events, version) => {
      await stub.setLordInterest(lord, events, version);
    },
    stats: async () => (await stub.stats()) as BusStats,
    connect: (url, identity) => stub.fetch(socketRequest(url, { ...identity, lord: null })),
  };
}
