import { regressOnIndex, studentTQuantile } from "../statistics/index.ts";
import { additiveRelativeChange, assembleForecast, resolveOptions } from "./assess.ts";
import { requireForecastSeries } from "./minimums.ts";
import type { Forecast, ForecastOptions } from "./types.ts";

/**
 * Least-squares line through the series (t = 0…n − 1). Prediction intervals are the textbook ones for a new
 * observation: ŷ ± t(n − 2)·s·√(1 + 1/n + (t₀ − t̄)²/Stt), which widen as t₀ moves away from the data.
 */
export function forecastLinear(series: readonly number[], options: ForecastOptions): Forecast {
  const y = requireForecastSeries(series, "linear");
  const { horizon, intervalLevel } = resolveOptions(options);
  const fit = regressOnIndex(y);
  const n = y.length;
  const q = studentTQuantile((1 + intervalLevel) / 2, fit.degreesOfFreedom);
  const predictions = Array.from({ length: horizon }, (_, i) => {
    const t = n + i;
    const value = fit.intercept + fit.slope * t;
    const half = q * fit.residualStdError * Math.sqrt(1 + 1 / n + (t - fit.xMean) ** 2 / fit.sxx);
    return { step: i + 1, t, value, lower: value - half, upper: value + half };
  });
  return assembleForecast({
    series: y,
    model: { method: "linear", intercept: fit.intercept, slope: fit.slope },
    fitted: y.map((_, t) => fit.intercept + fit.slope * t),
    residualStdError: fit.residualStdError,
    degreesOfFreedom: fit.degreesOfFreedom,
    predictions,
    intervalLevel,
    trend: {
      estimate: fit.slope,
      stdError: fit.slopeStdError,
      degreesOfFreedom: fit.degreesOfFreedom,
      slopePerPeriod: fit.slope,
      relativeChange: additiveRelativeChange(fit.slope, y),
    },
  });
}
