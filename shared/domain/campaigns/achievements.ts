/** Kinds of achievement, as the achievements table constrains them. */
export const ACHIEVEMENT_TYPES = ["milestone", "metric_target", "streak", "badge"] as const;
/** One of ACHIEVEMENT_TYPES. */
export type AchievementType = (typeof ACHIEVEMENT_TYPES)[number];

/** Achievement states, as the achievements table constrains them. */
export const ACHIEVEMENT_STATUSES = ["locked", "in_progress", "unlocked"] as const;
/** One of ACHIEVEMENT_STATUSES. */
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];

/** An achievement's state after a write: what was asked for, merged with what is stored. */
export interface AchievementState {
  type: AchievementType;
  status: AchievementStatus;
  targetValue: number | null;
  currentValue: number;
  /** When it was unlocked before this write, if it was. */
  unlockedAt: Date | null;
}

/** The status and unlock time to store. */
export interface SettledAchievement {
  status: AchievementStatus;
  unlockedAt: Date | null;
}

/**
 * Settles an achievement after a write: a metric target unlocks itself once the current value
 * reaches the target, and `unlockedAt` records the first moment it became unlocked (kept while it
 * stays unlocked, cleared if it is locked again).
 */
export function settleAchievement(state: AchievementState, now: Date): SettledAchievement {
  const reached =
    state.type === "metric_target" && state.targetValue !== null && state.currentValue >= state.targetValue;
  const status: AchievementStatus = reached ? "unlocked" : state.status;
  if (status !== "unlocked") return { status, unlockedAt: null };
  return { status, unlockedAt: state.unlockedAt ?? now };
}

/** Share of the target reached, 0…1; null when there is no positive target to measure against. */
export function achievementProgress(targetValue: number | null, currentValue: number): number | null {
  if (targetValue === null || targetValue <= 0) return null;
  return Math.min(Math.max(currentValue / targetValue, 0), 1);
}
