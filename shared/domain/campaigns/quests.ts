/** One success metric of a quest: what is measured, the target and where it stands. */
export interface SuccessMetric {
  metric: string;
  target: number;
  current: number;
  unit?: string | null;
}

/** How far a quest has come, from its success metrics. */
export interface QuestProgress {
  /** Mean share of each metric's target reached, 0…1 (0 for a quest with no metrics). */
  progress: number;
  metricsMet: number;
  metricsTotal: number;
}

/**
 * Progress of a quest: each metric counts equally and is capped at its target, so overshooting
 * one metric cannot hide another that has not moved. A target of 0 is met by definition.
 */
export function questProgress(metrics: readonly SuccessMetric[]): QuestProgress {
  if (metrics.length === 0) return { progress: 0, metricsMet: 0, metricsTotal: 0 };
  const shares = metrics.map((m) => (m.target <= 0 ? 1 : Math.min(Math.max(m.current / m.target, 0), 1)));
  const progress = shares.reduce((sum, share) => sum + share, 0) / metrics.length;
  return {
    progress: Math.round(progress * 10_000) / 10_000,
    metricsMet: shares.filter((share) => share >= 1).length,
    metricsTotal: metrics.length,
  };
}
