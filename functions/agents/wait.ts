import { TERMINAL_STATUSES } from "../../shared/agents/runtime/index.ts";
import { type JwtClaims, type Sql, withUser } from "../../shared/db/database.ts";
import { type ExecutionDetail, getExecution } from "./executions-query.ts";

/** How often `?wait=true` looks for the result: short enough to feel immediate, rare enough to be cheap. */
const POLL_MS = 100;

/**
 * Polls an execution until it reaches a terminal status or `timeoutMs` passes; returns the last state
 * seen. The result arrives through QStash and another invocation, so there is nothing to subscribe to here.
 */
export async function waitForExecution(
  sql: Sql,
  claims: JwtClaims,
  workspaceId: string,
  id: string,
  timeoutMs: number,
): Promise<ExecutionDetail | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const execution = await withUser(sql, claims, (tx) => getExecution(tx, workspaceId, id));
    if (!execution || TERMINAL_STATUSES.includes(execution.status) || Date.now() >= deadline) return execution;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
  }
}
