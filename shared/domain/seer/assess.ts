import { studentTTwoSidedP, sum } from "../statistics/index.ts";
import { requireInRange, requireInteger } from "../validate.ts";
import type {
  ConfidenceLevel,
  FitQuality,
  Forecast,
  ForecastModel,
  ForecastOptions,
  PredictedPoint,
  TrendAssessment,
} from "./types.ts";

/** A slope is a trend only if p < 0.05 (two-sided t-test on the slope). */
export const TREND_SIGNIFICANCE = 0.05;
/** A significant change under 5% of the level across the window is still "stable". */
export const STABLE_BELOW = 0.05;
/** A significant change of 25% of the level or more across the window is "strongly" up or down. */
export const STRONG_FROM = 0.25;

/** Validated horizon and interval level (default 0.95). */
export function resolveOptions(options: ForecastOptions): { horizon: number; intervalLevel: number } {
  return {
    horizon: requireInteger("horizon", options.horizon, 1, 1000),
    intervalLevel: requireInRange("intervalLevel", options.intervalLevel ?? 0.95, 0.5, 0.999),
  };
}

/** The series' level: mean |y|, the denominator of every relative measure here. */
export function seriesLevel(series: readonly number[]): number {
  return sum(series.map(Math.abs)) / series.length;
}

/** R², residual error and relative spread of `fitted` against `observed` (same length). */
export function fitQuality(
  observed: readonly number[],
  fitted: readonly number[],
  residualStdError: number,
  degreesOfFreedom: number,
  level: number,
): FitQuality {
  const m = sum(observed) / observed.length;
  const sst = sum(observed.map((y) => (y - m) ** 2));
  const sse = sum(observed.map((y, i) => (y - fitted[i]!) ** 2));
  return {
    rSquared: sst === 0 ? (sse === 0 ? 1 : 0) : Math.max(0, 1 - sse / sst),
    residualStdError,
    relativeSpread: level === 0 ? 0 : residualStdError / level,
    degreesOfFreedom,
  };
}

/** What a method knows about its trend: a slope estimate (possibly in log units) with its standard error. */
export interface TrendEvidence {
  estimate: number;
  stdError: number;
  degreesOfFreedom: number;
  slopePerPeriod: number;
  relativeChange: number;
}

/**
 * Direction from size and significance: "stable" unless the slope is significant (p < 0.05) and moves the series by
 * at least 5% of its level across the window; 25% or more is "strongly" up or down.
 */
export function assessTrend(e: TrendEvidence): TrendAssessment {
  const t =
    e.stdError > 0 ? e.estimate / e.stdError : e.estimate === 0 ? 0 : Math.sign(e.estimate) * Number.POSITIVE_INFINITY;
  const pValue = studentTTwoSidedP(t, Math.max(1, e.degreesOfFreedom));
  const significant = pValue < TREND_SIGNIFICANCE;
  const size = Math.abs(e.relativeChange);
  let direction: TrendAssessment["direction"] = "stable";
  if (significant && size >= STABLE_BELOW) {
    const up = e.relativeChange > 0;
    direction = size >= STRONG_FROM ? (up ? "strongly_up" : "strongly_down") : up ? "up" : "down";
  }
  return {
    direction,
    slopePerPeriod: e.slopePerPeriod,
    relativeChange: e.relativeChange,
    tStatistic: t,
    pValue,
    significant,
  };
}

const LEVELS: readonly ConfidenceLevel[] = ["very_high", "high", "medium", "low", "very_low"];
const SPREAD_BANDS = [0.05, 0.1, 0.2, 0.35];
const R2_BANDS = [0.9, 0.75, 0.5, 0.25];

/**
 * Confidence from fit quality. Relative spread (typical miss ÷ level): ≤ 5% very high, ≤ 10% high, ≤ 20% medium,
 * ≤ 35% low. R²: ≥ 0.9, 0.75, 0.5, 0.25 likewise. The result is the worse of the two, except that R² is ignored when
 * the series varies by less than 10% of its level: a near-flat series leaves nothing to explain, so a low R² there
 * says nothing about how close the forecast will be.
 */
export function confidenceLevel(fit: FitQuality, observed: readonly number[], level: number): ConfidenceLevel {
  const spreadRank = rank(SPREAD_BANDS, (b) => fit.relativeSpread <= b);
  const m = sum(observed) / observed.length;
  const sd = Math.sqrt(sum(observed.map((y) => (y - m) ** 2)) / Math.max(1, observed.length - 1));
  const nearlyFlat = level === 0 || sd / level < 0.1;
  const r2Rank = nearlyFlat ? 0 : rank(R2_BANDS, (b) => fit.rSquared >= b);
  return LEVELS[Math.max(spreadRank, r2Rank)]!;
}

function rank(bands: readonly number[], meets: (band: number) => boolean): number {
  const i = bands.findIndex(meets);
  return i === -1 ? bands.length : i;
}

/** Builds a Forecast from a method's parts, computing fit quality, trend and confidence the same way for all. */
export function assembleForecast(parts: {
  series: readonly number[];
  model: ForecastModel;
  fitted: number[];
  /** Indices whose fitted values are genuine predictions (seasonal excludes the seeding period). */
  scoredFrom?: number;
  residualStdError: number;
  degreesOfFreedom: number;
  predictions: PredictedPoint[];
  intervalLevel: number;
  trend: TrendEvidence;
}): Forecast {
  const { series } = parts;
  const from = parts.scoredFrom ?? 0;
  const level = seriesLevel(series);
  const fit = fitQuality(
    series.slice(from),
    parts.fitted.slice(from),
    parts.residualStdError,
    parts.degreesOfFreedom,
    level,
  );
  return {
    method: parts.model.method,
    currentValue: series[series.length - 1]!,
    model: parts.model,
    fitted: parts.fitted,
    predictions: parts.predictions,
    intervalLevel: parts.intervalLevel,
    fit,
    trend: assessTrend(parts.trend),
    confidence: confidenceLevel(fit, series, level),
  };
}

/** Relative change across the window for an additive slope: slope·(n − 1) ÷ level (0 for an all-zero series). */
export function additiveRelativeChange(slope: number, series: readonly number[]): number {
  const level = seriesLevel(series);
  return level === 0 ? 0 : (slope * (series.length - 1)) / level;
}
