import { requireInRange, requireSeries } from "../validate.ts";

/** The percentiles reported for latency-like metrics. */
export interface PercentileSummary {
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks: Hyndman & Fan's type 7, the default of
 * NumPy, R and Excel's PERCENTILE.INC. With sorted values x₀…xₙ₋₁, h = (n − 1)·p/100 and the result is
 * x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋); p = 0 gives the minimum and p = 100 the maximum.
 */
export function percentile(values: readonly number[], p: number, field = "values"): number {
  requireInRange("p", p, 0, 100);
  const sorted = requireSeries(field, values, 1, "a percentile").sort((a, b) => a - b);
  return interpolate(sorted, p);
}

/** Min, p50, p90, p95, p99 and max in one sort. */
export function percentileSummary(values: readonly number[], field = "values"): PercentileSummary {
  const sorted = requireSeries(field, values, 1, "a percentile").sort((a, b) => a - b);
  return {
    min: sorted[0]!,
    p50: interpolate(sorted, 50),
    p90: interpolate(sorted, 90),
    p95: interpolate(sorted, 95),
    p99: interpolate(sorted, 99),
    max: sorted[sorted.length - 1]!,
  };
}

function interpolate(sorted: readonly number[], p: number): number {
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
