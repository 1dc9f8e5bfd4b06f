export { assessTrend, confidenceLevel, STABLE_BELOW, STRONG_FROM, TREND_SIGNIFICANCE } from "./assess.ts";
export { dominantPeriod, forecastCyclical } from "./cyclical.ts";
export { forecastExponential } from "./exponential.ts";
export { type ForecastRequest, forecast } from "./forecast.ts";
export {
  type IntelligenceItem,
  type IntelligenceScores,
  intelligenceScores,
  type ThreatLevel,
} from "./intelligence.ts";
export { forecastLinear } from "./linear.ts";
export { minimumLength } from "./minimums.ts";
export {
  type MetricPerformance,
  type MetricThreshold,
  type PerformanceAnalysis,
  type PerformanceMetric,
  performanceAnalysis,
} from "./performance.ts";
export { forecastPolynomial, MAX_POLYNOMIAL_DEGREE } from "./polynomial.ts";
export { type RecommendationPriority, recommendationPriority } from "./recommendation.ts";
export { forecastSeasonal, type SeasonalOptions } from "./seasonal.ts";
export {
  CONFIDENCE_LEVELS,
  type ConfidenceLevel,
  type FitQuality,
  FORECAST_TYPES,
  type Forecast,
  type ForecastModel,
  type ForecastOptions,
  type ForecastType,
  INTELLIGENCE_TYPES,
  type IntelligenceType,
  type PredictedPoint,
  TREND_DIRECTIONS,
  type TrendAssessment,
  type TrendDirection,
} from "./types.ts";
