import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { type JwtClaims, type Sql, type Tx, withUser } from "../db/database.ts";
import type { EventType } from "../events/catalogue.ts";
import { publishEvents } from "../events/publish.ts";
import { type RecordedEvent, recordEvent } from "../events/record.ts";
import type { Logger } from "../logging/logger.ts";
import { ApiError } from "./api-error.ts";

/** Who is calling and the pool to query through as them: what every signed-in handler needs. */
export interface CallerScope {
  /** The user events and `created_by` record; an API key acts as its creator, as RLS sees it. */
  actorId: string;
  requestId: string;
  claims: JwtClaims;
  sql: Sql;
  env: Env;
  logger: Logger;
}

/** A caller inside one workspace: a route under `/api/workspaces/:workspaceId`. */
export interface RequestScope extends CallerScope {
  workspaceId: string;
}

/** Records one event in the mutation's transaction; the payload says what changed. */
export type Emit = (type: EventType, payload: Record<string, unknown>) => Promise<RecordedEvent>;

/** The fields a PATCH body sets, sorted: what `*.updated` events report as changed. */
export function changedFields(input: object): string[] {
  return Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key)
    .sort();
}

/** The caller of an authenticated route (inside a workspace or not); 401 if authentication did not run. */
export function callerScope(c: Context<AppEnv>): CallerScope {
  const caller = c.get("caller");
  if (!caller) throw ApiError.unauthorized("Missing access token", "AUTH_TOKEN_MISSING");
  return {
    actorId: caller.userId,
    requestId: c.get("requestId"),
    // authenticate() only sets claims with a string sub and role (a verified token or an API key).
    claims: caller.claims as JwtClaims,
    sql: c.get("services").sql,
    env: c.env,
    logger: c.get("logger"),
  };
}

/** The scope of a request under `/api/workspaces/:workspaceId`, as the middleware chain resolved it. */
export function requestScope(c: Context<AppEnv>): RequestScope {
  const scope = callerScope(c);
  const workspaceId = c.get("workspaceId");
  // workspaceAccess() sets it before any workspace route runs; missing means a wiring bug.
  if (!workspaceId) throw ApiError.forbidden("No workspace resolved for this request");
  return { ...scope, workspaceId };
}

/** Runs reads in one transaction as the caller, so row-level security is the second wall. */
export function readAs<T>(scope: Pick<CallerScope, "sql" | "claims">, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withUser(scope.sql, scope.claims, fn);
}

/**
 * Runs a mutation in one transaction as the caller. `emit` writes the RaptorBus events row in
 * that same transaction, so a change and its event commit or roll back together; once committed
 * the events go to the workspace's live bus (which never throws: clients resume from the log).
 */
export async function writeAs<T>(scope: RequestScope, fn: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
  const events: RecordedEvent[] = [];
  const result = await withUser(scope.sql, scope.claims, (tx) =>
    fn(tx, async (type, payload) => {
      const event = await recordEvent(tx, {
        workspaceId: scope.workspaceId,
        type,
        payload,
        actorId: scope.actorId,
        requestId: scope.requestId,
      });
      events.push(event);
      return event;
    }),
  );
  if (events.length > 0) await publishEvents(scope.env, events, { logger: scope.logger });
  return result;
}
