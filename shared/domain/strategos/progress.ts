import { DomainInputError } from "../errors.ts";
import { requireInRange, requireNonNegative } from "../validate.ts";
import type { ExecutionStatus } from "./constants.ts";

/** A task's size and how far along it is. */
export interface ProgressTask {
  id: string;
  estimateHours: number;
  /** 0–100; ignored when status is completed (100) or cancelled (excluded). */
  percentComplete?: number;
  status?: ExecutionStatus;
}

/** Plan progress rolled up from its tasks. */
export interface PlanProgress {
  /** 0–100, weighted by estimate. */
  percent: number;
  totalHours: number;
  remainingHours: number;
  completedTasks: number;
  countedTasks: number;
  cancelledTasks: number;
}

/**
 * Progress = Σ estimate·percent / Σ estimate: a finished 40-hour task counts four times a finished 10-hour one.
 * Completed tasks count as 100%, cancelled tasks are left out (their work will never be done). When every counted
 * estimate is 0 the plain mean of percentages is used instead.
 */
export function planProgress(tasks: readonly ProgressTask[]): PlanProgress {
  const counted = tasks
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.status !== "cancelled")
    .map(({ t, i }) => {
      const hours = requireNonNegative(`tasks[${i}].estimateHours`, t.estimateHours);
      const pct =
        t.status === "completed" ? 100 : requireInRange(`tasks[${i}].percentComplete`, t.percentComplete ?? 0, 0, 100);
      return { hours, pct };
    });
  if (counted.length === 0) throw new DomainInputError("tasks", "needs at least one task that is not cancelled");
  const totalHours = counted.reduce((acc, c) => acc + c.hours, 0);
  const doneHours = counted.reduce((acc, c) => acc + (c.hours * c.pct) / 100, 0);
  const percent =
    totalHours > 0 ? (100 * doneHours) / totalHours : counted.reduce((acc, c) => acc + c.pct, 0) / counted.length;
  return {
    percent,
    totalHours,
    remainingHours: totalHours - doneHours,
    completedTasks: counted.filter((c) => c.pct === 100).length,
    countedTasks: counted.length,
    cancelledTasks: tasks.length - counted.length,
  };
}
