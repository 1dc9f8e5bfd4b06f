export { PRIORITY_LEVELS, type PriorityLevel } from "../priority.ts";

/**
 * The nine execution statuses of a task or plan, from planned through to its end states (the values the
 * execution_plans and execution_tasks check constraints allow).
 */
export const EXECUTION_STATUSES = [
  "planned",
  "scheduled",
  "ready",
  "in_progress",
  "blocked",
  "paused",
  "completed",
  "failed",
  "cancelled",
] as const;
/** One of EXECUTION_STATUSES. */
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** The six resource types Strategos allocates (as resource_allocations and guild_resources name them). */
export const RESOURCE_TYPES = ["agents", "budget", "time", "compute", "storage", "bandwidth"] as const;
/** One of RESOURCE_TYPES. */
export type ResourceType = (typeof RESOURCE_TYPES)[number];
