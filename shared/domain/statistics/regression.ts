import { DomainInputError } from "../errors.ts";
import { requireSeries } from "../validate.ts";
import { sum } from "./descriptive.ts";
import { studentTTwoSidedP } from "./distributions.ts";

/** Ordinary least-squares fit of y = intercept + slope·x with the usual inference statistics. */
export interface LinearRegression {
  n: number;
  slope: number;
  intercept: number;
  /** Share of the variance of y explained by the line; 1 for a constant y fitted exactly. */
  rSquared: number;
  /** s = √(SSE / (n − 2)). */
  residualStdError: number;
  /** SE(slope) = s / √Sxx. */
  slopeStdError: number;
  /** slope / SE(slope); ±Infinity for an exact fit with a non-zero slope, 0 for an exact flat fit. */
  tStatistic: number;
  /** Two-sided p-value of the slope under H₀: slope = 0, Student's t with n − 2 degrees of freedom. */
  pValue: number;
  degreesOfFreedom: number;
  /** Mean of x and Sxx = Σ(x − x̄)², kept for prediction intervals. */
  xMean: number;
  sxx: number;
  residuals: number[];
}

/** Least-squares line through (xs[i], ys[i]); needs 3 points so the slope's standard error has a degree of freedom. */
export function linearRegression(xs: readonly number[], ys: readonly number[]): LinearRegression {
  const x = requireSeries("xs", xs, 3, "linear regression");
  const y = requireSeries("ys", ys, 3, "linear regression");
  if (x.length !== y.length)
    throw new DomainInputError("ys", `must have as many values as xs (${x.length}), got ${y.length}`);
  const n = x.length;
  const xMean = sum(x) / n;
  const yMean = sum(y) / n;
  // Centred sums (two-pass) avoid the cancellation of the textbook Σxy − n·x̄·ȳ form.
  const sxx = sum(x.map((v) => (v - xMean) ** 2));
  if (sxx === 0) throw new DomainInputError("xs", "must not all be equal; a vertical line has no slope");
  const sxy = sum(x.map((v, i) => (v - xMean) * (y[i]! - yMean)));
  const syy = sum(y.map((v) => (v - yMean) ** 2));
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  const residuals = y.map((v, i) => v - (intercept + slope * x[i]!));
  const sse = sum(residuals.map((r) => r * r));
  const dof = n - 2;
  const residualStdError = Math.sqrt(sse / dof);
  const slopeStdError = residualStdError / Math.sqrt(sxx);
  const tStatistic =
    slopeStdError > 0 ? slope / slopeStdError : slope === 0 ? 0 : Math.sign(slope) * Number.POSITIVE_INFINITY;
  return {
    n,
    slope,
    intercept,
    rSquared: syy === 0 ? (sse === 0 ? 1 : 0) : Math.max(0, 1 - sse / syy),
    residualStdError,
    slopeStdError,
    tStatistic,
    pValue: studentTTwoSidedP(tStatistic, dof),
    degreesOfFreedom: dof,
    xMean,
    sxx,
    residuals,
  };
}

/** `linearRegression` of a series against its index 0, 1, …, n − 1 (equally spaced observations). */
export function regressOnIndex(ys: readonly number[], field = "series"): LinearRegression {
  const y = requireSeries(field, ys, 3, "a linear trend");
  return linearRegression(
    y.map((_, i) => i),
    y,
  );
}
