import { type Sql, type Tx, withService, withUser } from "../../shared/db/database.ts";
import type { LordName } from "../../shared/events/catalogue.ts";
import { type RecordedEvent, recordEvent } from "../../shared/events/record.ts";
import type { Logger } from "../../shared/logging/logger.ts";
import type { Actor } from "../../shared/lords/types.ts";
import type { Services } from "../../shared/services/services.ts";
import type { Emit, LiveState, LordContext, TransactionBody } from "./capability.ts";
import type { LordStore, StateChange } from "./store.ts";

/** What the runtime gives every run: the Lord's identity, clients and storage. */
export interface LordDeps {
  workspaceId: string;
  lord: LordName;
  services: Services;
  env: Env;
  store: LordStore;
  logger: Logger;
  /** Hands events on once committed: the Lord's own sockets, then the workspace bus. */
  committed(events: RecordedEvent[]): Promise<void>;
}

/** One execution's bookkeeping: events committed so far and state writes staged. */
export interface Run {
  events: RecordedEvent[];
  changes: StateChange[];
  base: LordContext;
  /** A transaction as the actor, so RLS applies (capabilities only). */
  userTransaction<T>(actor: Actor, body: TransactionBody<T>): Promise<T>;
}

/** Who a run acts for and whether it may emit events. */
export interface RunOptions {
  name: string;
  actorId: string | null;
  requestId: string | null;
  /** Read-only capabilities may not emit: an event means something changed. */
  mayEmit: boolean;
}

/** Starts a run: a context whose transactions record emitted events and publish nothing yet. */
export function startRun(deps: LordDeps, options: RunOptions): Run {
  const events: RecordedEvent[] = [];
  const changes: StateChange[] = [];

  const transact = async <T>(
    open: (fn: (tx: Tx) => Promise<T>) => Promise<T>,
    body: TransactionBody<T>,
    actorId: string | null,
  ): Promise<T> => {
    const pending: RecordedEvent[] = [];
    const result = await open((tx) => {
      const emit: Emit = async (type, payload) => {
        if (!options.mayEmit) {
          throw new Error(`'${options.name}' does not mutate, so it may not emit '${type}'`);
        }
        const event = await recordEvent(tx, {
          workspaceId: deps.workspaceId,
          type,
          payload,
          lord: deps.lord,
          actorId,
          requestId: options.requestId,
        });
        pending.push(event);
        return event;
      };
      return body(tx, emit);
    });
    // Only a committed transaction's events exist; a rolled-back one never reaches this line.
    events.push(...pending);
    return result;
  };

  const sql = (): Sql => deps.services.sql;
  const state: LiveState = {
    track: (kind, itemId, status) => void changes.push({ op: "track", kind, itemId, status }),
    release: (kind, itemId) => void changes.push({ op: "release", kind, itemId }),
    count: (name, delta = 1) => void changes.push({ op: "count", name, delta }),
    activeItems: (kind) => deps.store.activeItems(kind),
    counter: (name) => deps.store.counter(name),
  };

  return {
    events,
    changes,
    base: {
      workspaceId: deps.workspaceId,
      lord: deps.lord,
      services: deps.services,
      env: deps.env,
      logger: deps.logger,
      state,
      serviceTransaction: (body) => transact((fn) => withService(sql(), fn), body, options.actorId),
    },
    userTransaction: (actor, body) => transact((fn) => withUser(sql(), actor.claims, fn), body, options.actorId),
  };
}
