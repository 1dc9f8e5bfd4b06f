import type { Context } from "hono";
import type { AppEnv, Caller } from "../../shared/app-env.ts";
import { isRole, type Role } from "../../shared/auth/permissions.ts";
import { type JwtClaims, type Tx, withUser } from "../../shared/db/database.ts";
import { publishEvents } from "../../shared/events/publish.ts";
import type { RecordedEvent } from "../../shared/events/record.ts";
import { ApiError } from "../../shared/http/api-error.ts";

/** A signed-in request as handlers see it: who is calling and how to query as them. */
export interface CallerRequest {
  caller: Caller;
  /** The user id events and `created_by` record (an API key acts as its creator). */
  actorId: string;
  requestId: string;
  /** Runs `fn` in one transaction as the caller, so row-level security decides what it sees. */
  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Hands committed events to the workspace's live bus; call after `run` returned. Never throws. */
  publish(events: readonly (RecordedEvent | undefined)[]): Promise<void>;
}

/** A workspace-scoped request: the caller plus the workspace and role the middleware resolved. */
export interface WorkspaceRequest extends CallerRequest {
  workspaceId: string;
  role: Role;
}

/** The caller of an authenticated route; 401 if authentication did not run. */
export function callerRequest(c: Context<AppEnv>): CallerRequest {
  const caller = c.get("caller");
  if (!caller) throw ApiError.unauthorized("Missing access token", "AUTH_TOKEN_MISSING");
  const { sql } = c.get("services");
  // authenticate() only ever sets claims with a string sub and role (verified token or API key).
  const claims = caller.claims as JwtClaims;
  return {
    caller,
    actorId: caller.userId,
    requestId: c.get("requestId"),
    run: (fn) => withUser(sql, claims, fn),
    publish: async (events) => {
      const committed = events.filter((event): event is RecordedEvent => event !== undefined);
      if (committed.length > 0) await publishEvents(c.env, committed, { logger: c.get("logger") });
    },
  };
}

/** The caller and workspace of a route under `/api/workspaces/:workspaceId`. */
export function workspaceRequest(c: Context<AppEnv>): WorkspaceRequest {
  const workspaceId = c.get("workspaceId");
  const role = c.get("workspaceRole");
  // workspaceAccess() sets both before any workspace route runs; missing means a wiring bug.
  if (!workspaceId || !isRole(role)) throw ApiError.forbidden("No workspace role resolved for this request");
  return { ...callerRequest(c), workspaceId, role };
}
