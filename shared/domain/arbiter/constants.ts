/** The five kinds of conflict the Arbiter registers. */
export const CONFLICT_TYPES = [
  "resource_allocation",
  "priority_dispute",
  "goal_conflict",
  "stakeholder_disagreement",
  "decision_challenge",
] as const;
/** One of CONFLICT_TYPES. */
export type ConflictType = (typeof CONFLICT_TYPES)[number];

/** Severity levels, most severe first. */
export const CONFLICT_SEVERITIES = ["critical", "high", "medium", "low"] as const;
/** One of CONFLICT_SEVERITIES. */
export type ConflictSeverity = (typeof CONFLICT_SEVERITIES)[number];

/** The six states of a resolution, from proposed to final. */
export const RESOLUTION_STATUSES = ["proposed", "under_review", "accepted", "rejected", "appealed", "final"] as const;
/** One of RESOLUTION_STATUSES. */
export type ResolutionStatus = (typeof RESOLUTION_STATUSES)[number];
