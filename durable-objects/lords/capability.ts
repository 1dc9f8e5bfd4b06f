import type * as v from "valibot";
import type { Tx } from "../../shared/db/database.ts";
import type { EventType, LordName } from "../../shared/events/catalogue.ts";
import type { RecordedEvent } from "../../shared/events/record.ts";
import type { Logger } from "../../shared/logging/logger.ts";
import type { Actor } from "../../shared/lords/types.ts";
import type { Services } from "../../shared/services/services.ts";

/**
 * Records an event inside the surrounding transaction (same commit, same rollback). The event
 * carries the Lord, actor and request id; the runtime publishes it only after commit.
 */
export type Emit = (type: EventType, payload: Record<string, unknown>) => Promise<RecordedEvent>;

/** The body of a transaction: its SQL handle and the emitter bound to it. */
export type TransactionBody<T> = (tx: Tx, emit: Emit) => Promise<T>;

/** An item a Lord is currently working on, as its live state tracks it. */
export interface ActiveItem {
  itemId: string;
  status: string;
  updatedAt: string;
}

/**
 * The Lord's live state in its Durable Object's SQLite. Writes are staged and applied when
 * the capability or reaction succeeds, with its metrics, in one storage transaction.
 */
export interface LiveState {
  /** Marks an item as active with a status (inserting or updating it). */
  track(kind: string, itemId: string, status: string): void;
  /** Marks an item as no longer active. */
  release(kind: string, itemId: string): void;
  /** Adds `delta` (default 1) to a named counter. */
  count(name: string, delta?: number): void;
  /** The active items of a kind as currently stored (staged writes are not visible yet). */
  activeItems(kind: string): ActiveItem[];
  /** A counter's stored value (0 when never counted). */
  counter(name: string): number;
}

/** What every capability and reaction handler is given. */
export interface LordContext {
  workspaceId: string;
  lord: LordName;
  /** Per-Lord service clients (sql, redis, qstash, vector, config), built once per instance. */
  services: Services;
  /** The Worker's bindings, for code that needs more than `services` (model providers). */
  env: Env;
  logger: Logger;
  state: LiveState;
  /**
   * A transaction as `service_role`, which bypasses RLS: for work the Lord does on its own
   * authority. Scope every statement by `workspaceId` yourself. Events carry the capability's
   * actor, or none in a reaction.
   */
  serviceTransaction<T>(body: TransactionBody<T>): Promise<T>;
}

/** The context of one capability execution. */
export interface CapabilityContext extends LordContext {
  actor: Actor;
  requestId: string;
  /** A transaction as the actor (`withUser`), so row-level security applies to every statement. */
  transaction<T>(body: TransactionBody<T>): Promise<T>;
}

/** The context of one reaction to a published event. */
export interface ReactionContext extends LordContext {
  /** The request that caused the event, when there was one. */
  requestId: string | null;
}

/**
 * One thing a Lord can do. `input` validates what `execute` receives (a 400 names every bad
 * field). A capability that `mutates` must commit its rows and at least one event in the same
 * `ctx.transaction`; it is refused to callers without `lords:act`.
 */
export interface Capability<Input = unknown, Output = unknown> {
  name: string;
  description: string;
  input: v.GenericSchema<unknown, Input>;
  mutates: boolean;
  handler(input: Input, ctx: CapabilityContext): Promise<Output>;
}

/**
 * What a Lord does on its own when another part of the system publishes an event it cares
 * about (Cognition recording a learning when Aesthete rejects content). Runs after the
 * publisher's commit, with service-role transactions; failures go to `dead_letters`.
 */
export interface Reaction {
  name: string;
  description: string;
  on: readonly EventType[];
  handler(event: RecordedEvent, ctx: ReactionContext): Promise<void>;
}

/** What a Lord's folder (`durable-objects/lords/<lord>/index.ts`) exports. */
export interface LordModule {
  capabilities: readonly Capability[];
  reactions?: readonly Reaction[];
}

/** Declares a capability with its handler's input typed from the schema. */
export function defineCapability<Schema extends v.GenericSchema, Output>(capability: {
  name: string;
  description: string;
  input: Schema;
  mutates: boolean;
  handler(input: v.InferOutput<Schema>, ctx: CapabilityContext): Promise<Output>;
}): Capability<v.InferOutput<Schema>, Output> {
  return capability;
}
