import { DomainInputError } from "../errors.ts";
import { forecastCyclical } from "./cyclical.ts";
import { forecastExponential } from "./exponential.ts";
import { forecastLinear } from "./linear.ts";
import { forecastPolynomial } from "./polynomial.ts";
import { forecastSeasonal, type SeasonalOptions } from "./seasonal.ts";
import { FORECAST_TYPES, type Forecast, type ForecastOptions } from "./types.ts";

/** A forecasting request: the method plus the options that method needs. */
export type ForecastRequest =
  | ({ method: "linear" } & ForecastOptions)
  | ({ method: "exponential" } & ForecastOptions)
  | ({ method: "polynomial"; degree: number } & ForecastOptions)
  | ({ method: "seasonal" } & SeasonalOptions)
  | ({ method: "cyclical"; period?: number } & ForecastOptions);

/** Forecasts `series` (equally spaced, oldest first) with the requested method. */
export function forecast(series: readonly number[], request: ForecastRequest): Forecast {
  switch (request.method) {
    case "linear":
      return forecastLinear(series, request);
    case "exponential":
      return forecastExponential(series, request);
    case "polynomial":
      return forecastPolynomial(series, request);
    case "seasonal":
      return forecastSeasonal(series, request);
    case "cyclical":
      return forecastCyclical(series, request);
    default:
      throw new DomainInputError(
        "method",
        `must be one of ${FORECAST_TYPES.join(", ")}, got ${String((request as { method: unknown }).method)}`,
      );
  }
}
