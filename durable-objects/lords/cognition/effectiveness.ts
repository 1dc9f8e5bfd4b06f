import type { Guidance, Mentoring } from "../../../shared/domain/cognition/index.ts";

/**
 * How effective earlier mentoring proved: the share of the areas it raised (reliability,
 * latency, cost, errors) that the agent's runs since no longer raise. Null when the session
 * raised nothing to fix, or when there are no runs since to judge by.
 */
export function mentoringEffectiveness(
  raised: readonly Pick<Guidance, "area">[],
  since: Pick<Mentoring, "guidance"> | null,
): number | null {
  const areas = new Set(raised.map((g) => g.area));
  if (areas.size === 0 || since === null) return null;
  const open = new Set(since.guidance.map((g) => g.area));
  const resolved = [...areas].filter((area) => !open.has(area)).length;
  return resolved / areas.size;
}
