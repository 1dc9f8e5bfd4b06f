import type { Context } from "hono";
import type { AppEnv } from "../../shared/app-env.ts";
import type { Tx } from "../../shared/db/database.ts";
import { type RequestScope, readAs, requestScope } from "../../shared/http/request-scope.ts";

/** A workspace request with `run`: reads as the caller, like `readAs(scope, fn)`. */
export interface WorkspaceRequest extends RequestScope {
  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * The request scope under the name groups written before shared/http/request-scope.ts use
 * (functions/council); new code calls `requestScope` with `readAs`/`writeAs` instead.
 */
export function workspaceRequest(c: Context<AppEnv>): WorkspaceRequest {
  const scope = requestScope(c);
  return { ...scope, run: (fn) => readAs(scope, fn) };
}
