import { DomainInputError } from "../errors.ts";
import { requireSeries } from "../validate.ts";

/**
 * Minimum series lengths. Linear and exponential need 3 points so the residual error has a degree of freedom;
 * polynomial of degree d needs d + 2 for the same reason; seasonal needs two full periods to separate trend from
 * season; cyclical needs 8 points (two cycles of the shortest detectable period, 4) and two cycles of a given period.
 */
export function minimumLength(
  method: "linear" | "exponential" | "polynomial" | "seasonal" | "cyclical",
  param = 0,
): number {
  switch (method) {
    case "linear":
    case "exponential":
      return 3;
    case "polynomial":
      return param + 2;
    case "seasonal":
      return 2 * param;
    case "cyclical":
      return Math.max(8, Math.ceil(2 * param));
  }
}

/** Validates a series for `method`, naming the minimum in the error ("series: linear forecasting needs …"). */
export function requireForecastSeries(
  series: readonly number[],
  method: "linear" | "exponential" | "polynomial" | "seasonal" | "cyclical",
  param = 0,
): number[] {
  const min = minimumLength(method, param);
  const detail = method === "polynomial" ? ` of degree ${param}` : method === "seasonal" ? ` with period ${param}` : "";
  if (!Array.isArray(series)) throw new DomainInputError("series", "must be an array of numbers");
  return requireSeries("series", series, min, `${method} forecasting${detail}`);
}
