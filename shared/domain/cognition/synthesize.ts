import { STOPWORDS, tokenize } from "../text/index.ts";
import { toEpochMs } from "../time.ts";
import { requireInRange, requireInteger } from "../validate.ts";
import { learningSimilarity, learningTerms } from "./similarity.ts";
import type { Learning, SynthesisType } from "./types.ts";
import { requireLearnings } from "./validate-learnings.ts";

/** A synthesis of related learnings. */
export interface Synthesis {
  id: string;
  type: SynthesisType;
  statement: string;
  learningIds: string[];
  /** The group's most frequent content words. */
  theme: string[];
  support: number;
  successes: number;
  failures: number;
  /** Share of the majority outcome among successes and failures (1 when there are none). */
  agreement: number;
  meanConfidence: number;
  confidence: number;
}

/** Syntheses plus the learnings that joined no group large enough. */
export interface SynthesisResult {
  syntheses: Synthesis[];
  unsynthesized: string[];
}

/**
 * Two learnings are related at Jaccard ≥ 0.3 on tags or insight words. For two texts of k distinct words each,
 * J = s/(2k − s), so 0.3 means sharing about 46% of their words: clearly about the same thing, not just one term.
 */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.3;

/**
 * Groups related learnings (connected components of the "related" graph, so A~B and B~C group A, B, C) and turns
 * groups of at least `minSupport` (default 2) into syntheses.
 * Type: no successes or failures → pattern; ≥ 4 dated outcomes whose success share moves by ≥ 0.5 between the
 * earlier and later half → trend; agreement ≥ 0.75 → recommendation (repeat or avoid); otherwise prediction (a
 * success probability, Laplace-smoothed (s + 1)/(s + f + 2)).
 * Confidence = support factor × agreement × mean recorded confidence, with support factor n/(n + 2): one more
 * learning matters a lot at first and little once there are many (2 → 0.5, 6 → 0.75).
 */
export function synthesizeLearnings(
  learnings: readonly Learning[],
  options: { similarityThreshold?: number; minSupport?: number } = {},
): SynthesisResult {
  requireLearnings(learnings);
  const threshold = requireInRange(
    "similarityThreshold",
    options.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD,
    0.01,
    1,
  );
  const minSupport = requireInteger("minSupport", options.minSupport ?? 2, 1);
  const groups = groupRelated(learnings, threshold);
  const syntheses: Synthesis[] = [];
  const unsynthesized: string[] = [];
  for (const group of groups) {
    if (group.length < minSupport) unsynthesized.push(...group.map((l) => l.id));
    else syntheses.push(synthesize(group));
  }
  return { syntheses, unsynthesized };
}

function groupRelated(learnings: readonly Learning[], threshold: number): Learning[][] {
  const terms = learnings.map(learningTerms);
  const parent = learnings.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  for (let i = 0; i < learnings.length; i++) {
    for (let j = i + 1; j < learnings.length; j++) {
      if (learningSimilarity(terms[i]!, terms[j]!) >= threshold) {
        // Attach the later root under the earlier one so a group is named after its first learning.
        const [a, b] = [root(i), root(j)].sort((x, y) => x - y) as [number, number];
        parent[b] = a;
      }
    }
  }
  const byRoot = new Map<number, Learning[]>();
  learnings.forEach((l, i) => {
    const r = root(i);
    byRoot.set(r, [...(byRoot.get(r) ?? []), l]);
  });
  return [...byRoot.values()];
}

function synthesize(group: readonly Learning[]): Synthesis {
  const n = group.length;
  const successes = group.filter((l) => l.type === "success").length;
  const failures = group.filter((l) => l.type === "failure").length;
  const outcomes = successes + failures;
  const agreement = outcomes === 0 ? 1 : Math.max(successes, failures) / outcomes;
  const meanConfidence = group.reduce((a, l) => a + l.confidence, 0) / n;
  const theme = themeOf(group);
  const about = theme.join(", ");
  const shift = outcomeShift(group);
  let type: SynthesisType;
  let statement: string;
  if (outcomes === 0) {
    type = "pattern";
    statement = `Recurring pattern around ${about} (${n} observations).`;
  } else if (shift !== null && Math.abs(shift.after - shift.before) >= 0.5) {
    type = "trend";
    const way = shift.after > shift.before ? "improving" : "worsening";
    statement = `Outcomes for ${about} are ${way}: success share ${pct(shift.before)} → ${pct(shift.after)}.`;
  } else if (agreement >= 0.75) {
    type = "recommendation";
    statement =
      successes >= failures
        ? `Repeat what worked for ${about}: ${successes} of ${outcomes} outcomes succeeded.`
        : `Avoid what failed for ${about}: ${failures} of ${outcomes} outcomes failed.`;
  } else {
    type = "prediction";
    statement = `Expect about ${pct((successes + 1) / (outcomes + 2))} success for ${about} (${successes} of ${outcomes} succeeded).`;
  }
  return {
    id: `synthesis:${group[0]!.id}`,
    type,
    statement,
    learningIds: group.map((l) => l.id),
    theme,
    support: n,
    successes,
    failures,
    agreement,
    meanConfidence,
    confidence: (n / (n + 2)) * agreement * meanConfidence,
  };
}

// Success share in the earlier and later half of the dated outcomes; null with fewer than 4 or any undated.
function outcomeShift(group: readonly Learning[]): { before: number; after: number } | null {
  const outcomes = group.filter((l) => l.type !== "pattern");
  if (outcomes.length < 4 || outcomes.some((l) => l.recordedAt === undefined)) return null;
  const dated = outcomes
    .map((l, i) => ({ ok: l.type === "success", at: toEpochMs(`learnings.${l.id}.recordedAt`, l.recordedAt!), i }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const half = Math.floor(dated.length / 2);
  const share = (xs: typeof dated) => xs.filter((x) => x.ok).length / xs.length;
  return { before: share(dated.slice(0, half)), after: share(dated.slice(half)) };
}

function themeOf(group: readonly Learning[]): string[] {
  const counts = new Map<string, number>();
  for (const l of group) {
    for (const w of new Set(tokenize(l.insight)))
      if (!STOPWORDS.has(w) && w.length > 2) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([w]) => w);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
