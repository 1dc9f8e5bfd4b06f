import { DomainInputError } from "../errors.ts";
import { regressOnIndex } from "../statistics/index.ts";
import { requireFinite, requirePositive, requireSeries } from "../validate.ts";

/** One metric's history, oldest first; the last value is the current one. */
export interface PerformanceMetric {
  name: string;
  values: number[];
  /** Default true; false for costs, latencies, churn. */
  higherIsBetter?: boolean;
}

/** Target and, optionally, the worst acceptable value of a metric. */
export interface MetricThreshold {
  target: number;
  acceptable?: number;
}

/** Per-metric result. */
export interface MetricPerformance {
  name: string;
  current: number;
  target: number;
  /** How far the target is met: current/target, or target/current when lower is better. */
  attainment: number;
  trend: "improving" | "declining" | "stable" | "insufficient_data";
  status: "strength" | "adequate" | "weakness";
}

/** Score, trend, strengths and weaknesses across metrics. */
export interface PerformanceAnalysis {
  score: number;
  trend: "improving" | "declining" | "stable" | "mixed";
  metrics: MetricPerformance[];
  strengths: string[];
  weaknesses: string[];
}

/** Without an explicit acceptable value, missing the target by more than 20% is a weakness. */
export const DEFAULT_ACCEPTABLE_ATTAINMENT = 0.8;

/**
 * Score = 100 × mean over metrics of min(1, attainment) (clamped at 0): beating one target does not hide missing
 * another. A metric is a strength at attainment ≥ 1 and a weakness below its acceptable value (default 80% of
 * target). Its trend is the sign of the least-squares slope of its history when significant (p < 0.05, ≥ 3 points),
 * read through higherIsBetter; the overall trend is mixed when metrics move both ways.
 */
export function performanceAnalysis(
  metrics: readonly PerformanceMetric[],
  thresholds: Readonly<Record<string, MetricThreshold>>,
): PerformanceAnalysis {
  if (metrics.length === 0) throw new DomainInputError("metrics", "needs at least one metric");
  const results = metrics.map((m, i) => analyseMetric(m, thresholds[m.name], `metrics[${i}]`));
  const score = (100 * results.reduce((acc, r) => acc + Math.min(1, Math.max(0, r.attainment)), 0)) / results.length;
  const up = results.some((r) => r.trend === "improving");
  const down = results.some((r) => r.trend === "declining");
  return {
    score,
    trend: up && down ? "mixed" : up ? "improving" : down ? "declining" : "stable",
    metrics: results,
    strengths: results.filter((r) => r.status === "strength").map((r) => describe(r)),
    weaknesses: results.filter((r) => r.status === "weakness").map((r) => describe(r)),
  };
}

function analyseMetric(m: PerformanceMetric, threshold: MetricThreshold | undefined, field: string): MetricPerformance {
  if (!threshold) throw new DomainInputError(`thresholds.${m.name}`, `no threshold given for metric "${m.name}"`);
  const values = requireSeries(`${field}.values`, m.values, 1, "performance analysis");
  const target = requirePositive(`thresholds.${m.name}.target`, threshold.target);
  const higher = m.higherIsBetter ?? true;
  const current = values[values.length - 1]!;
  const ratio = (v: number) => (higher ? v / target : v <= 0 ? Number.POSITIVE_INFINITY : target / v);
  const attainment = ratio(current);
  const acceptable =
    threshold.acceptable === undefined
      ? DEFAULT_ACCEPTABLE_ATTAINMENT
      : ratio(requireFinite(`thresholds.${m.name}.acceptable`, threshold.acceptable));
  let trend: MetricPerformance["trend"] = "insufficient_data";
  if (values.length >= 3) {
    const fit = regressOnIndex(values, `${field}.values`);
    const better = higher ? fit.slope > 0 : fit.slope < 0;
    trend = fit.pValue < 0.05 && fit.slope !== 0 ? (better ? "improving" : "declining") : "stable";
  }
  return {
    name: m.name,
    current,
    target,
    attainment,
    trend,
    status: attainment >= 1 ? "strength" : attainment < acceptable ? "weakness" : "adequate",
  };
}

function describe(r: MetricPerformance): string {
  const pct = Number.isFinite(r.attainment) ? `${Math.round(r.attainment * 100)}% of target` : "fully met";
  return `${r.name}: ${r.current} against target ${r.target} (${pct}; trend ${r.trend.replace("_", " ")})`;
}
