export { mean, stddev, sum, variance } from "./descriptive.ts";
export {
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  regularizedGammaP,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedP,
} from "./distributions.ts";
export { fitLeastSquares, type LeastSquaresFit } from "./least-squares.ts";
export { type PercentileSummary, percentile, percentileSummary } from "./percentile.ts";
export { type LinearRegression, linearRegression, regressOnIndex } from "./regression.ts";
