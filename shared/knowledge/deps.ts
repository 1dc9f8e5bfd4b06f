import type { Redis } from "@upstash/redis/cloudflare";
import type { Index } from "@upstash/vector";
import { type JwtClaims, type Sql, type Tx, withService, withUser } from "../db/database.ts";
import type { RecordedEvent } from "../events/record.ts";
import type { Logger } from "../logging/logger.ts";

/** Runs `fn` in one transaction. */
export type DbRunner = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

/**
 * What the knowledge module needs. With `claims`, queries run as that user (RLS is a second
 * wall behind the explicit workspace filters); without, as the service role, for system callers
 * (queue consumers, the agent runtime, Durable Objects), scoped by workspace in every statement.
 */
export interface KnowledgeDeps {
  sql: Sql;
  claims?: JwtClaims;
  vector: Index;
  redis: Redis;
  /** Hands committed events to the workspace bus (shared/events/publish.ts); they are in the log regardless. */
  publish?: (events: readonly RecordedEvent[]) => Promise<void>;
  logger?: Logger;
  /** Milliseconds since the epoch; the cache's expiry checks read it (tests move it). */
  clock?: () => number;
}

/** Who caused a change, for `created_by` and the events log. */
export interface KnowledgeActor {
  workspaceId: string;
  /** The user (an API key acts as its creator); null for the platform itself. */
  actorId?: string | null;
  requestId?: string | null;
}

/** Transactions as the deps' user, or as the service role when they name none. */
export function dbOf(deps: Pick<KnowledgeDeps, "sql" | "claims">): DbRunner {
  const { sql, claims } = deps;
  return claims ? (fn) => withUser(sql, claims, fn) : (fn) => withService(sql, fn);
}
