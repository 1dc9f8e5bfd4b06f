/** The five forecasting methods. */
export const FORECAST_TYPES = ["linear", "exponential", "polynomial", "seasonal", "cyclical"] as const;
/** One of FORECAST_TYPES. */
export type ForecastType = (typeof FORECAST_TYPES)[number];

/** Trend directions, strongest rise first. */
export const TREND_DIRECTIONS = ["strongly_up", "up", "stable", "down", "strongly_down"] as const;
/** One of TREND_DIRECTIONS. */
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];

/** Confidence levels, most confident first. */
export const CONFIDENCE_LEVELS = ["very_high", "high", "medium", "low", "very_low"] as const;
/** One of CONFIDENCE_LEVELS. */
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/** The six kinds of market intelligence. */
export const INTELLIGENCE_TYPES = [
  "competitive",
  "market_trend",
  "customer_behavior",
  "technology",
  "regulatory",
  "economic",
] as const;
/** One of INTELLIGENCE_TYPES. */
export type IntelligenceType = (typeof INTELLIGENCE_TYPES)[number];

/** Options every forecasting method takes. */
export interface ForecastOptions {
  /** Periods to predict past the last observation (1–1000). */
  horizon: number;
  /** Coverage of the prediction intervals, default 0.95. */
  intervalLevel?: number;
}

/** One predicted period: `t` is the time index (the series occupies t = 0…n − 1). */
export interface PredictedPoint {
  step: number;
  t: number;
  value: number;
  lower: number;
  upper: number;
}

/** How well the model fits the observed series. */
export interface FitQuality {
  /** 1 − SSE/SST on the original scale over the points the model predicts in-sample. */
  rSquared: number;
  /** Residual standard error on the original scale. */
  residualStdError: number;
  /** residualStdError ÷ mean |y|: the typical miss as a share of the series' level. */
  relativeSpread: number;
  degreesOfFreedom: number;
}

/** The series' trend: its size over the observed window and whether it is distinguishable from noise. */
export interface TrendAssessment {
  direction: TrendDirection;
  /** Change per period in series units at the end of the window. */
  slopePerPeriod: number;
  /** Change across the observed window relative to the series' mean level. */
  relativeChange: number;
  tStatistic: number;
  pValue: number;
  significant: boolean;
}

/** Fitted parameters, one shape per method. */
export type ForecastModel =
  | { method: "linear"; intercept: number; slope: number }
  | { method: "exponential"; scale: number; logSlope: number; growthRatePerPeriod: number }
  | { method: "polynomial"; degree: number; coefficients: number[] }
  | {
      method: "seasonal";
      period: number;
      alpha: number;
      beta: number;
      gamma: number;
      fittedByGridSearch: boolean;
      level: number;
      trend: number;
      seasonals: number[];
      sse: number;
    }
  | {
      method: "cyclical";
      period: number;
      periodDetected: boolean;
      intercept: number;
      slope: number;
      amplitude: number;
      /** φ in amplitude·sin(2πt/period + φ). */
      phase: number;
    };

/** A forecast: predictions with intervals, the fitted model, fit quality, trend and confidence. */
export interface Forecast {
  method: ForecastType;
  currentValue: number;
  model: ForecastModel;
  /** In-sample fitted values; for seasonal, the first period reproduces the data (it seeds the model). */
  fitted: number[];
  predictions: PredictedPoint[];
  intervalLevel: number;
  fit: FitQuality;
  trend: TrendAssessment;
  confidence: ConfidenceLevel;
}
