import { fitLeastSquares, studentTQuantile } from "../statistics/index.ts";
import { requireInteger } from "../validate.ts";
import { additiveRelativeChange, assembleForecast, resolveOptions } from "./assess.ts";
import { requireForecastSeries } from "./minimums.ts";
import type { Forecast, ForecastOptions } from "./types.ts";

/** Highest degree accepted: beyond 5, polynomials extrapolate wildly and the fit mostly chases noise. */
export const MAX_POLYNOMIAL_DEGREE = 5;

/**
 * y = c₀ + c₁t + … + c_d·t^d by least squares (Householder QR, see fitLeastSquares). Intervals for a new
 * observation: ŷ ± t(n − d − 1)·s·√(1 + x₀ᵀ(XᵀX)⁻¹x₀). The trend tested is the average slope over the window,
 * (ŷ(n − 1) − ŷ(0)) / (n − 1), a linear contrast of the coefficients with its own standard error.
 */
export function forecastPolynomial(series: readonly number[], options: ForecastOptions & { degree: number }): Forecast {
  const degree = requireInteger("degree", options.degree, 1, MAX_POLYNOMIAL_DEGREE);
  const y = requireForecastSeries(series, "polynomial", degree);
  const { horizon, intervalLevel } = resolveOptions(options);
  const row = (t: number) => Array.from({ length: degree + 1 }, (_, j) => t ** j);
  const fit = fitLeastSquares(
    y.map((_, t) => row(t)),
    y,
  );
  const n = y.length;
  const dof = fit.degreesOfFreedom;
  const q = studentTQuantile((1 + intervalLevel) / 2, dof);
  const value = (t: number) => row(t).reduce((acc, x, j) => acc + x * fit.coefficients[j]!, 0);
  const predictions = Array.from({ length: horizon }, (_, i) => {
    const t = n + i;
    const v = value(t);
    const half = q * fit.residualStdError * Math.sqrt(1 + fit.varianceFactor(row(t)));
    return { step: i + 1, t, value: v, lower: v - half, upper: v + half };
  });
  const last = n - 1;
  const contrast = Array.from({ length: degree + 1 }, (_, j) => (j === 0 ? 0 : last ** j / last));
  const averageSlope = (value(last) - value(0)) / last;
  return assembleForecast({
    series: y,
    model: { method: "polynomial", degree, coefficients: fit.coefficients },
    fitted: fit.fitted,
    residualStdError: fit.residualStdError,
    degreesOfFreedom: dof,
    predictions,
    intervalLevel,
    trend: {
      estimate: averageSlope,
      stdError: fit.residualStdError * Math.sqrt(fit.varianceFactor(contrast)),
      degreesOfFreedom: dof,
      slopePerPeriod: row(last).reduce(
        (acc, _, j) => acc + (j === 0 ? 0 : j * fit.coefficients[j]! * last ** (j - 1)),
        0,
      ),
      relativeChange: additiveRelativeChange(averageSlope, y),
    },
  });
}
