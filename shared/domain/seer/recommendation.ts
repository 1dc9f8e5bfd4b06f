import type { PriorityLevel } from "../priority.ts";
import { requireInRange } from "../validate.ts";

/** A recommendation's value and the priority it maps to. */
export interface RecommendationPriority {
  /** impact × probability ÷ effort: expected impact points per point of effort. */
  value: number;
  priority: PriorityLevel;
}

/**
 * Priority from value = impact × probability ÷ effort, with impact and effort on 1–10 scales and probability 0–1.
 * Value 1 means the expected impact equals the effort spent: ≥ 4 critical, ≥ 2 high, ≥ 1 medium, ≥ 0.5 low, else
 * deferred (costs at least twice what it is expected to return).
 */
export function recommendationPriority(impact: number, probability: number, effort: number): RecommendationPriority {
  requireInRange("impact", impact, 1, 10);
  requireInRange("probability", probability, 0, 1);
  requireInRange("effort", effort, 1, 10);
  const value = (impact * probability) / effort;
  const priority: PriorityLevel =
    value >= 4 ? "critical" : value >= 2 ? "high" : value >= 1 ? "medium" : value >= 0.5 ? "low" : "deferred";
  return { value, priority };
}
