import type { Forecast } from "../../../shared/domain/seer/index.ts";

/** A typical miss of half the series' level leaves nothing to be confident about. */
export const NO_CONFIDENCE_SPREAD = 0.5;
/** A series varying by less than 10% of its level is "nearly flat" (as confidenceLevel treats it). */
const NEARLY_FLAT = 0.1;

/**
 * A 0–1 confidence to go with the domain's confidence level, from the same two measures of fit:
 * spread = 1 − relativeSpread / 0.5 (clamped), and R². The result is the smaller, with R² ignored
 * for a nearly flat series (sd < 10% of mean |y|), where there is no variation to explain. The
 * scale lines up with the level's bands: spread 5% → 0.9, 10% → 0.8, 20% → 0.6, 35% → 0.3, next to
 * R² bands of 0.9, 0.75, 0.5 and 0.25.
 */
export function confidenceScore(forecast: Pick<Forecast, "fit">, series: readonly number[]): number {
  const spread = Math.min(1, Math.max(0, 1 - forecast.fit.relativeSpread / NO_CONFIDENCE_SPREAD));
  const n = series.length;
  const level = series.reduce((sum, y) => sum + Math.abs(y), 0) / n;
  const mean = series.reduce((sum, y) => sum + y, 0) / n;
  const sd = Math.sqrt(series.reduce((sum, y) => sum + (y - mean) ** 2, 0) / Math.max(1, n - 1));
  const nearlyFlat = level === 0 || sd / level < NEARLY_FLAT;
  return nearlyFlat ? spread : Math.min(spread, forecast.fit.rSquared);
}

/** Min, max, mean, first and last of a series: what a stored forecast keeps instead of every point. */
export function seriesSummary(series: readonly number[]) {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const y of series) {
    if (y < min) min = y;
    if (y > max) max = y;
    sum += y;
  }
  return {
    length: series.length,
    first: series[0]!,
    last: series[series.length - 1]!,
    min,
    max,
    mean: sum / series.length,
  };
}
