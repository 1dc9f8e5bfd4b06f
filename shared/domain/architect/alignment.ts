import { DomainInputError } from "../errors.ts";
import { contentTokens } from "../text/index.ts";
import { requirePositive } from "../validate.ts";

/** A strategy as text: its description plus any listed objectives. */
export interface StrategyText {
  description: string;
  objectives?: string[];
}

/** An organisational goal; keywords default to the content words of its description. */
export interface OrganizationalGoal {
  id: string;
  description: string;
  keywords?: string[];
  weight?: number;
}

/** How well the strategy covers one goal. */
export interface GoalCoverage {
  goalId: string;
  weight: number;
  coverage: number;
  matched: string[];
  missing: string[];
}

/** Alignment 0–100 with per-goal coverage and a reason per goal. */
export interface AlignmentResult {
  score: number;
  goals: GoalCoverage[];
  reasons: string[];
}

/**
 * Weighted keyword coverage: a goal's coverage is the share of its keywords the strategy mentions (a multi-word
 * keyword counts when all its content words appear; stopwords ignored, plurals folded), and the score is
 * Σ weight·coverage ÷ Σ weight × 100. Reasons say, per goal, whether it is supported (≥ 50%), partly addressed or
 * not addressed, naming the matched and missing keywords.
 */
export function alignmentScore(strategy: StrategyText, goals: readonly OrganizationalGoal[]): AlignmentResult {
  if (goals.length === 0) throw new DomainInputError("organizationalGoals", "needs at least one goal");
  const words = contentTokens([strategy.description, ...(strategy.objectives ?? [])].join("\n"));
  const coverage = goals.map((g, i): GoalCoverage => {
    const weight = requirePositive(`organizationalGoals[${i}].weight`, g.weight ?? 1);
    const keywords = g.keywords && g.keywords.length > 0 ? g.keywords : [...contentTokens(g.description)];
    if (keywords.length === 0) {
      throw new DomainInputError(`organizationalGoals[${i}]`, "needs keywords or a description with content words");
    }
    const hit = (k: string) => [...contentTokens(k)].every((t) => words.has(t));
    const matched = keywords.filter(hit);
    return {
      goalId: g.id,
      weight,
      coverage: matched.length / keywords.length,
      matched,
      missing: keywords.filter((k) => !hit(k)),
    };
  });
  const totalWeight = coverage.reduce((a, c) => a + c.weight, 0);
  const score = (100 * coverage.reduce((a, c) => a + c.weight * c.coverage, 0)) / totalWeight;
  const reasons = coverage.map((c) => {
    if (c.coverage >= 0.5) return `Supports goal ${c.goalId} (mentions ${c.matched.join(", ")})`;
    if (c.coverage > 0)
      return `Partly addresses goal ${c.goalId} (mentions ${c.matched.join(", ")}; not ${c.missing.join(", ")})`;
    return `Does not address goal ${c.goalId} (no mention of ${c.missing.join(", ")})`;
  });
  return { score, goals: coverage, reasons };
}
