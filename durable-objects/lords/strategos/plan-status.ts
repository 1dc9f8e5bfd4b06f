import type { ExecutionStatus } from "../../../shared/domain/strategos/index.ts";

/** Statuses after which a task takes no more assignments or progress: its outcome is settled. */
export const CLOSED_STATUSES: readonly ExecutionStatus[] = ["completed", "cancelled", "failed"];

/** Statuses a plan has not started work in yet. */
const NOT_STARTED: readonly ExecutionStatus[] = ["planned", "scheduled", "ready"];

/**
 * A plan's status after one of its tasks changed: cancelled when every task is, completed when
 * every task that will run is completed, in progress once any task has started while the plan
 * still looked unstarted; otherwise the plan keeps the status people gave it (blocked, paused…).
 */
export function rollUpPlanStatus(current: ExecutionStatus, tasks: readonly ExecutionStatus[]): ExecutionStatus {
  const live = tasks.filter((status) => status !== "cancelled");
  if (tasks.length > 0 && live.length === 0) return "cancelled";
  if (live.length > 0 && live.every((status) => status === "completed")) return "completed";
  const started = live.some((status) => !NOT_STARTED.includes(status));
  if (started && NOT_STARTED.includes(current)) return "in_progress";
  return current;
}

/**
 * The status a progress report leaves a task in: the one reported, else completed at 100%, else
 * in progress once work has begun on a task that had not started; otherwise unchanged.
 */
export function reportedTaskStatus(
  current: ExecutionStatus,
  progressPercent: number,
  reported: ExecutionStatus | undefined,
): ExecutionStatus {
  if (reported) return reported;
  if (progressPercent >= 100) return "completed";
  if (progressPercent > 0 && NOT_STARTED.includes(current)) return "in_progress";
  return current;
}
