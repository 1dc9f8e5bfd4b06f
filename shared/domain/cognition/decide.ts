import { DomainInputError } from "../errors.ts";
import { normalCdf } from "../statistics/index.ts";
import { contentTokens, jaccard } from "../text/index.ts";
import { requireInRange, requireText, requireUniqueIds } from "../validate.ts";
import { learningTerms } from "./similarity.ts";
import type { Learning } from "./types.ts";
import { requireLearnings } from "./validate-learnings.ts";

/** An option to choose between. */
export interface DecisionOption {
  id: string;
  description: string;
  tags?: string[];
}

/** The evidence for one option. */
export interface OptionEvidence {
  optionId: string;
  learningIds: string[];
  /** Relevance × confidence summed over successes and failures. */
  successWeight: number;
  failureWeight: number;
  /** Posterior mean success rate, Beta(1 + successWeight, 1 + failureWeight). */
  expectedSuccess: number;
}

/** The choice, how sure it is, and why. */
export interface Decision {
  choice: string;
  confidence: number;
  rationale: string[];
  options: OptionEvidence[];
}

/** A learning bears on an option when at least half the option's words (or tag Jaccard ≥ 0.5) match it. */
export const DEFAULT_RELEVANCE_THRESHOLD = 0.5;

/**
 * Chooses the option with the highest expected success. Each success or failure learning relevant to an option
 * counts with weight relevance × its confidence, where relevance = max(share of the option's words found in the
 * insight, tag Jaccard); starting from a uniform Beta(1, 1) prior, the posterior is
 * Beta(1 + Σ success weights, 1 + Σ failure weights).
 * Confidence is the probability that the chosen option's success rate really exceeds the runner-up's (or 0.5
 * with a single option), by the normal approximation Φ((m₁ − m₂)/√(v₁ + v₂)) to the two Beta posteriors: close
 * options or thin evidence give ~0.5, a clear and well-supported winner approaches 1. Ties go to the option with
 * more evidence, then input order.
 */
export function decide(
  options: readonly DecisionOption[],
  learnings: readonly Learning[],
  settings: { relevanceThreshold?: number } = {},
): Decision {
  if (options.length === 0) throw new DomainInputError("options", "needs at least one option");
  requireUniqueIds(
    "options",
    options.map((o) => o.id),
  );
  options.forEach((o, i) => {
    requireText(`options[${i}].description`, o.description);
  });
  requireLearnings(learnings);
  const threshold = requireInRange(
    "relevanceThreshold",
    settings.relevanceThreshold ?? DEFAULT_RELEVANCE_THRESHOLD,
    0.01,
    1,
  );
  const outcomes = learnings.filter((l) => l.type !== "pattern").map((l) => ({ l, terms: learningTerms(l) }));
  const evidence = options.map((o): OptionEvidence & { a: number; b: number } => {
    const words = contentTokens(o.description);
    const tags = learningTerms({ insight: "", tags: o.tags }).tags;
    let successWeight = 0;
    let failureWeight = 0;
    const ids: string[] = [];
    for (const { l, terms } of outcomes) {
      const contained = words.size === 0 ? 0 : [...words].filter((w) => terms.words.has(w)).length / words.size;
      const relevance = Math.max(contained, jaccard(tags, terms.tags));
      if (relevance < threshold) continue;
      ids.push(l.id);
      if (l.type === "success") successWeight += relevance * l.confidence;
      else failureWeight += relevance * l.confidence;
    }
    const a = 1 + successWeight;
    const b = 1 + failureWeight;
    return { optionId: o.id, learningIds: ids, successWeight, failureWeight, expectedSuccess: a / (a + b), a, b };
  });
  const ranked = evidence
    .map((e, i) => ({ e, i }))
    .sort(
      (x, y) =>
        y.e.expectedSuccess - x.e.expectedSuccess ||
        y.e.successWeight + y.e.failureWeight - (x.e.successWeight + x.e.failureWeight) ||
        x.i - y.i,
    )
    .map(({ e }) => e);
  const best = ranked[0]!;
  const runnerUp = ranked[1];
  const variance = (e: { a: number; b: number }) => (e.a * e.b) / ((e.a + e.b) ** 2 * (e.a + e.b + 1));
  const gap = best.expectedSuccess - (runnerUp ? runnerUp.expectedSuccess : 0.5);
  const spread = Math.sqrt(variance(best) + (runnerUp ? variance(runnerUp) : 0));
  const confidence = normalCdf(gap / spread);
  const rationale = ranked.map((e) => {
    const n = e.learningIds.length;
    return n === 0
      ? `${e.optionId}: no relevant learnings, so expected success stays at the prior 50%`
      : `${e.optionId}: ${n} relevant learning${n === 1 ? "" : "s"} → expected success ${pct(e.expectedSuccess)}`;
  });
  rationale.unshift(
    runnerUp
      ? `Chose ${best.optionId} over ${runnerUp.optionId} (${pct(confidence)} likely to be the better option)`
      : `Chose ${best.optionId}, the only option (${pct(confidence)} likely to succeed more often than not)`,
  );
  return {
    choice: best.optionId,
    confidence,
    rationale,
    options: evidence.map(({ a: _a, b: _b, ...rest }) => rest),
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
