import { DomainInputError } from "../errors.ts";
import { type PercentileSummary, percentileSummary } from "../statistics/index.ts";
import { requireInRange, requireNonNegative, requirePositive } from "../validate.ts";

/** One execution of an agent. */
export interface ExecutionRecord {
  succeeded: boolean;
  latencyMs: number;
  costUsd: number;
  /** Error message or code of a failed run. */
  error?: string;
}

/** What an agent should achieve. */
export interface MentorTargets {
  /** Default 0.95: an agent failing more than 1 run in 20 needs attention before it is trusted unattended. */
  successRate: number;
  /** Default 5 000 ms: LLM-backed steps take 1–3 s; a p95 beyond 5 s stalls the workflows waiting on it. */
  p95LatencyMs: number;
  /** Mean cost per run; no default, budgets differ per agent. */
  costPerRunUsd?: number;
}

/** Default targets (see MentorTargets). */
export const DEFAULT_MENTOR_TARGETS: MentorTargets = { successRate: 0.95, p95LatencyMs: 5000 };

/** A recurring error once numbers, ids and quoted values are masked. */
export interface ErrorPattern {
  pattern: string;
  count: number;
  /** Share of failed runs. */
  share: number;
  example: string;
}

/** One piece of guidance. */
export interface Guidance {
  area: "reliability" | "latency" | "cost" | "errors";
  severity: "high" | "medium" | "low";
  message: string;
}

/** Mentoring output: the figures and the guidance derived from them. */
export interface Mentoring {
  runs: number;
  successRate: number;
  latency: PercentileSummary;
  cost: { total: number; mean: number; median: number };
  errorPatterns: ErrorPattern[];
  guidance: Guidance[];
  status: "healthy" | "needs_attention" | "critical";
}

/**
 * Guidance rules: success rate below target is medium, high when 10 points or more below; with ≥ 10 runs, a drop
 * of ≥ 20 points from the first half of the history to the second is medium; p95 latency above target is medium,
 * high at twice the target; mean cost above the target is medium; runs costing over 3× the median are a low note;
 * an error pattern behind ≥ 20% of failures (and at least 2) is medium, high at ≥ 50%. Status: critical with any
 * high item, needs_attention with any medium, else healthy.
 */
export function mentorAgent(history: readonly ExecutionRecord[], targets: Partial<MentorTargets> = {}): Mentoring {
  if (history.length === 0) throw new DomainInputError("executionHistory", "needs at least one execution");
  const t = { ...DEFAULT_MENTOR_TARGETS, ...targets };
  requireInRange("targets.successRate", t.successRate, 0, 1);
  requirePositive("targets.p95LatencyMs", t.p95LatencyMs);
  history.forEach((r, i) => {
    requireNonNegative(`executionHistory[${i}].latencyMs`, r.latencyMs);
    requireNonNegative(`executionHistory[${i}].costUsd`, r.costUsd);
  });
  const n = history.length;
  const rate = (xs: readonly ExecutionRecord[]) => xs.filter((r) => r.succeeded).length / xs.length;
  const successRate = rate(history);
  const latency = percentileSummary(history.map((r) => r.latencyMs));
  const costs = history.map((r) => r.costUsd);
  const total = costs.reduce((a, c) => a + c, 0);
  const cost = { total, mean: total / n, median: percentileSummary(costs).p50 };
  const errorPatterns = patterns(history.filter((r) => !r.succeeded));
  const guidance: Guidance[] = [];
  const add = (area: Guidance["area"], severity: Guidance["severity"], message: string) =>
    guidance.push({ area, severity, message });

  if (successRate < t.successRate) {
    add(
      "reliability",
      successRate <= t.successRate - 0.1 ? "high" : "medium",
      `Success rate ${pct(successRate)} is below the ${pct(t.successRate)} target; review failing runs before scaling up.`,
    );
  }
  if (n >= 10) {
    const half = Math.floor(n / 2);
    const [before, after] = [rate(history.slice(0, half)), rate(history.slice(half))];
    if (before - after >= 0.2) {
      add(
        "reliability",
        "medium",
        `Reliability is degrading: ${pct(before)} of earlier runs succeeded, ${pct(after)} of recent ones.`,
      );
    }
  }
  if (latency.p95 > t.p95LatencyMs) {
    add(
      "latency",
      latency.p95 >= 2 * t.p95LatencyMs ? "high" : "medium",
      `p95 latency ${Math.round(latency.p95)} ms exceeds ${t.p95LatencyMs} ms; cache context, trim prompts or parallelise tool calls.`,
    );
  }
  if (t.costPerRunUsd !== undefined && cost.mean > t.costPerRunUsd) {
    add(
      "cost",
      "medium",
      `Mean cost $${cost.mean.toFixed(4)} per run exceeds the $${t.costPerRunUsd} target; use a smaller model for routine steps.`,
    );
  }
  const outliers = cost.median > 0 ? costs.filter((c) => c > 3 * cost.median).length : 0;
  if (outliers > 0) {
    add(
      "cost",
      "low",
      `${outliers} run${outliers === 1 ? "" : "s"} cost over 3× the median ($${cost.median.toFixed(4)}); check for runaway loops.`,
    );
  }
  for (const p of errorPatterns.filter((e) => e.share >= 0.2 && e.count >= 2)) {
    add(
      "errors",
      p.share >= 0.5 ? "high" : "medium",
      `Recurring error behind ${p.count} failures (${pct(p.share)}): "${p.pattern}".`,
    );
  }
  const status = guidance.some((g) => g.severity === "high")
    ? "critical"
    : guidance.some((g) => g.severity === "medium")
      ? "needs_attention"
      : "healthy";
  return { runs: n, successRate, latency, cost, errorPatterns, guidance, status };
}

// Masks what varies between occurrences of the same error: quoted values, UUIDs and hex ids, then numbers.
function normaliseError(message: string): string {
  return (
    message
      .toLowerCase()
      // Quoted values: double quotes, backticks, and single quotes not used as apostrophes ("can't" stays).
      .replace(/"[^"]*"|`[^`]*`|(?<![\p{L}\p{N}])'[^']*'/gu, "<value>")
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, "<id>")
      .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b/g, "<id>")
      .replace(/\d+(\.\d+)?/g, "#")
      .replace(/\s+/g, " ")
      .trim()
  );
}

function patterns(failures: readonly ExecutionRecord[]): ErrorPattern[] {
  const groups = new Map<string, { count: number; example: string }>();
  for (const f of failures) {
    const raw = f.error?.trim() || "unknown error";
    const key = normaliseError(raw);
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { count: 1, example: raw });
  }
  return [...groups.entries()]
    .map(([pattern, g]) => ({ pattern, count: g.count, share: g.count / failures.length, example: g.example }))
    .sort((a, b) => b.count - a.count || a.pattern.localeCompare(b.pattern));
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
