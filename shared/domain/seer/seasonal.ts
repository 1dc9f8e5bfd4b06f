import { DomainInputError } from "../errors.ts";
import { fitLeastSquares, normalQuantile } from "../statistics/index.ts";
import { requireInRange, requireInteger } from "../validate.ts";
import { additiveRelativeChange, assembleForecast, resolveOptions } from "./assess.ts";
import {
  fitHoltWintersGrid,
  type HoltWintersParams,
  holtWintersPoint,
  holtWintersVarianceFactor,
  runHoltWinters,
} from "./holt-winters.ts";
import { requireForecastSeries } from "./minimums.ts";
import type { Forecast, ForecastOptions } from "./types.ts";

/** Options of the seasonal method: the period, and either all three smoothing parameters or none (grid search). */
export interface SeasonalOptions extends ForecastOptions {
  period: number;
  alpha?: number;
  beta?: number;
  gamma?: number;
}

/**
 * Additive Holt–Winters (see runHoltWinters). Intervals use the normal quantile with σ² = SSE / (n − m) of the
 * one-step errors, widened by holtWintersVarianceFactor (the normal approximation FPP3 uses for ETS models).
 * Trend significance comes from a regression of y on t plus m − 1 seasonal dummies, so seasonality does not
 * masquerade as trend; slopePerPeriod is the Holt–Winters trend at the end of the series.
 */
export function forecastSeasonal(series: readonly number[], options: SeasonalOptions): Forecast {
  const m = requireInteger("period", options.period, 2, 1000);
  const y = requireForecastSeries(series, "seasonal", m);
  const { horizon, intervalLevel } = resolveOptions(options);
  const given = resolveParams(options);
  const { params, run } = given ? { params: given, run: runHoltWinters(y, m, given) } : fitHoltWintersGrid(y, m);
  const n = y.length;
  const dof = n - m;
  const sigma = Math.sqrt(run.sse / dof);
  const z = normalQuantile((1 + intervalLevel) / 2);
  const predictions = Array.from({ length: horizon }, (_, i) => {
    const h = i + 1;
    const value = holtWintersPoint(run, n, m, h);
    const half = z * sigma * Math.sqrt(holtWintersVarianceFactor(params, m, h));
    return { step: h, t: n - 1 + h, value, lower: value - half, upper: value + half };
  });
  const dummies = fitLeastSquares(
    y.map((_, t) => [1, t, ...Array.from({ length: m - 1 }, (_, j) => (t % m === j + 1 ? 1 : 0))]),
    y,
  );
  const slope = dummies.coefficients[1]!;
  const contrast = [0, 1, ...new Array<number>(m - 1).fill(0)];
  return assembleForecast({
    series: y,
    model: {
      method: "seasonal",
      period: m,
      ...params,
      fittedByGridSearch: !given,
      level: run.level,
      trend: run.trend,
      seasonals: run.seasonals,
      sse: run.sse,
    },
    fitted: run.fitted,
    scoredFrom: m,
    residualStdError: sigma,
    degreesOfFreedom: dof,
    predictions,
    intervalLevel,
    trend: {
      estimate: slope,
      stdError: dummies.residualStdError * Math.sqrt(dummies.varianceFactor(contrast)),
      degreesOfFreedom: dummies.degreesOfFreedom,
      slopePerPeriod: run.trend,
      relativeChange: additiveRelativeChange(slope, y),
    },
  });
}

function resolveParams(o: SeasonalOptions): HoltWintersParams | undefined {
  const given = [o.alpha, o.beta, o.gamma].filter((v) => v !== undefined).length;
  if (given === 0) return undefined;
  if (given !== 3) throw new DomainInputError("alpha", "give all of alpha, beta and gamma, or none to fit them");
  return {
    alpha: requireInRange("alpha", o.alpha!, 0, 1),
    beta: requireInRange("beta", o.beta!, 0, 1),
    gamma: requireInRange("gamma", o.gamma!, 0, 1),
  };
}
