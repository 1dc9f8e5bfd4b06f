import { DomainInputError } from "../errors.ts";
import { fitLeastSquares, regressOnIndex, studentTQuantile } from "../statistics/index.ts";
import { requireFinite } from "../validate.ts";
import { additiveRelativeChange, assembleForecast, resolveOptions } from "./assess.ts";
import { requireForecastSeries } from "./minimums.ts";
import type { Forecast, ForecastOptions } from "./types.ts";

/**
 * The dominant cycle length of a series: remove the least-squares line, then take the discrete Fourier frequency
 * k/n with the largest periodogram power |Σ r_t·e^{−2πikt/n}|², over periods n/k that repeat at least twice
 * (k ≥ 2) and exceed 2 periods (at period 2 the sine term vanishes on integer t). Resolution is limited to n/k;
 * ties keep the longer period.
 */
export function dominantPeriod(series: readonly number[]): number {
  const y = requireForecastSeries(series, "cyclical");
  const n = y.length;
  const residuals = regressOnIndex(y).residuals;
  let bestK = 0;
  let bestPower = -1;
  for (let k = 2; n / k > 2; k++) {
    const step = (2 * Math.PI * k) / n;
    const cosStep = Math.cos(step);
    const sinStep = Math.sin(step);
    let re = 0;
    let im = 0;
    let cos = 1;
    let sin = 0;
    for (let t = 0; t < n; t++) {
      // e^{iωt} by rotating the previous phasor (multiply-adds instead of two trig calls: this loop is O(n²)
      // overall), re-seeded exactly every 256 steps so rounding cannot accumulate.
      if (t % 256 === 0) {
        cos = Math.cos(step * t);
        sin = Math.sin(step * t);
      }
      const r = residuals[t]!;
      re += r * cos;
      im -= r * sin;
      const next = cos * cosStep - sin * sinStep;
      sin = sin * cosStep + cos * sinStep;
      cos = next;
    }
    const power = re * re + im * im;
    // A relative margin keeps floating-point noise from breaking exact ties in favour of the shorter period.
    if (power > bestPower * (1 + 1e-9)) {
      bestPower = power;
      bestK = k;
    }
  }
  return n / bestK;
}

/**
 * y = a + b·t + c·cos(2πt/P) + d·sin(2πt/P) by least squares, with P given or found by dominantPeriod; reported as
 * amplitude √(c² + d²) and phase φ = atan2(c, d) of amplitude·sin(2πt/P + φ). Intervals for a new observation use
 * t(n − 4) and the design's variance factor, as for the polynomial method; the trend tested is b.
 */
export function forecastCyclical(series: readonly number[], options: ForecastOptions & { period?: number }): Forecast {
  if (options.period !== undefined) {
    requireFinite("period", options.period);
    if (options.period <= 2) throw new DomainInputError("period", `must be greater than 2, got ${options.period}`);
  }
  const y = requireForecastSeries(series, "cyclical", options.period ?? 0);
  const { horizon, intervalLevel } = resolveOptions(options);
  const period = options.period ?? dominantPeriod(y);
  const omega = (2 * Math.PI) / period;
  const row = (t: number) => [1, t, Math.cos(omega * t), Math.sin(omega * t)];
  const fit = fitLeastSquares(
    y.map((_, t) => row(t)),
    y,
  );
  const [a, b, c, d] = fit.coefficients as [number, number, number, number];
  const n = y.length;
  const q = studentTQuantile((1 + intervalLevel) / 2, fit.degreesOfFreedom);
  const predictions = Array.from({ length: horizon }, (_, i) => {
    const t = n + i;
    const x = row(t);
    const value = a + b * t + c * x[2]! + d * x[3]!;
    const half = q * fit.residualStdError * Math.sqrt(1 + fit.varianceFactor(x));
    return { step: i + 1, t, value, lower: value - half, upper: value + half };
  });
  return assembleForecast({
    series: y,
    model: {
      method: "cyclical",
      period,
      periodDetected: options.period === undefined,
      intercept: a,
      slope: b,
      amplitude: Math.hypot(c, d),
      phase: Math.atan2(c, d),
    },
    fitted: fit.fitted,
    residualStdError: fit.residualStdError,
    degreesOfFreedom: fit.degreesOfFreedom,
    predictions,
    intervalLevel,
    trend: {
      estimate: b,
      stdError: fit.residualStdError * Math.sqrt(fit.varianceFactor([0, 1, 0, 0])),
      degreesOfFreedom: fit.degreesOfFreedom,
      slopePerPeriod: b,
      relativeChange: additiveRelativeChange(b, y),
    },
  });
}
