/** The five priority levels, most urgent first (shared by Strategos tasks and Seer recommendations). */
export const PRIORITY_LEVELS = ["critical", "high", "medium", "low", "deferred"] as const;
/** One of PRIORITY_LEVELS. */
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];
