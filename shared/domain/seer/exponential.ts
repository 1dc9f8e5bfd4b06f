import { DomainInputError } from "../errors.ts";
import { regressOnIndex, studentTQuantile, sum } from "../statistics/index.ts";
import { assembleForecast, resolveOptions } from "./assess.ts";
import { requireForecastSeries } from "./minimums.ts";
import type { Forecast, ForecastOptions } from "./types.ts";

/**
 * y = A·e^{bt}, fitted as a line through ln y (so every value must be positive). Intervals are computed on the log
 * scale and exponentiated, hence asymmetric; the point forecast e^{a + bt} is the median, not the mean, of the
 * implied log-normal forecast. Fit quality is measured on the original scale.
 */
export function forecastExponential(series: readonly number[], options: ForecastOptions): Forecast {
  const y = requireForecastSeries(series, "exponential");
  y.forEach((v, i) => {
    if (v <= 0) {
      throw new DomainInputError(`series[${i}]`, `exponential forecasting needs positive values, got ${v}`);
    }
  });
  const { horizon, intervalLevel } = resolveOptions(options);
  const fit = regressOnIndex(y.map(Math.log));
  const n = y.length;
  const q = studentTQuantile((1 + intervalLevel) / 2, fit.degreesOfFreedom);
  const predictions = Array.from({ length: horizon }, (_, i) => {
    const t = n + i;
    const logValue = fit.intercept + fit.slope * t;
    const half = q * fit.residualStdError * Math.sqrt(1 + 1 / n + (t - fit.xMean) ** 2 / fit.sxx);
    return {
      step: i + 1,
      t,
      value: Math.exp(logValue),
      lower: Math.exp(logValue - half),
      upper: Math.exp(logValue + half),
    };
  });
  const fitted = y.map((_, t) => Math.exp(fit.intercept + fit.slope * t));
  const sse = sum(y.map((v, i) => (v - fitted[i]!) ** 2));
  const growth = Math.exp(fit.slope) - 1;
  return assembleForecast({
    series: y,
    model: { method: "exponential", scale: Math.exp(fit.intercept), logSlope: fit.slope, growthRatePerPeriod: growth },
    fitted,
    residualStdError: Math.sqrt(sse / fit.degreesOfFreedom),
    degreesOfFreedom: fit.degreesOfFreedom,
    predictions,
    intervalLevel,
    trend: {
      estimate: fit.slope,
      stdError: fit.slopeStdError,
      degreesOfFreedom: fit.degreesOfFreedom,
      slopePerPeriod: fitted[n - 1]! * growth,
      // Multiplicative change across the window, the natural size measure for growth.
      relativeChange: Math.exp(fit.slope * (n - 1)) - 1,
    },
  });
}
