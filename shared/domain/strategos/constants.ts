export { PRIORITY_LEVELS, type PriorityLevel } from "../priority.ts";

/** The nine execution statuses of a task or plan, from planned through to its end states. */
export const EXECUTION_STATUSES = [
  "planned",
  "ready",
  "assigned",
  "in_progress",
  "blocked",
  "on_hold",
  "review",
  "completed",
  "cancelled",
] as const;
/** One of EXECUTION_STATUSES. */
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** The six resource types Strategos allocates. */
export const RESOURCE_TYPES = ["agent", "budget", "time", "compute", "storage", "bandwidth"] as const;
/** One of RESOURCE_TYPES. */
export type ResourceType = (typeof RESOURCE_TYPES)[number];
