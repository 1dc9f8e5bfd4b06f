import { requireSeries } from "../validate.ts";

/** Sum using Neumaier's compensated summation, so long metric series do not drift. */
export function sum(values: readonly number[]): number {
  let total = 0;
  let compensation = 0;
  for (const v of values) {
    const t = total + v;
    compensation += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return total + compensation;
}

/** Arithmetic mean of at least one finite value. */
export function mean(values: readonly number[], field = "values"): number {
  const xs = requireSeries(field, values, 1, "a mean");
  return sum(xs) / xs.length;
}

/**
 * Variance in two passes (mean first, then squared deviations) for numerical stability.
 * `sample` (default) divides by n − 1 and so needs 2 values; population divides by n.
 */
export function variance(values: readonly number[], options: { sample?: boolean; field?: string } = {}): number {
  const sample = options.sample ?? true;
  const xs = requireSeries(
    options.field ?? "values",
    values,
    sample ? 2 : 1,
    sample ? "a sample variance" : "a variance",
  );
  const m = sum(xs) / xs.length;
  return sum(xs.map((x) => (x - m) ** 2)) / (xs.length - (sample ? 1 : 0));
}

/** Standard deviation: square root of `variance` with the same options. */
export function stddev(values: readonly number[], options: { sample?: boolean; field?: string } = {}): number {
  return Math.sqrt(variance(values, options));
}
