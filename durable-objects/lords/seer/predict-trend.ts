import * as v from "valibot";
import type { Json } from "../../../shared/db/rows.generated.ts";
import { DomainInputError } from "../../../shared/domain/errors.ts";
import {
  FORECAST_TYPES,
  type Forecast,
  type ForecastRequest,
  forecast,
  MAX_POLYNOMIAL_DEGREE,
} from "../../../shared/domain/seer/index.ts";
import { strictBody } from "../../../shared/http/fields.ts";
import { defineCapability } from "../capability.ts";
import { confidenceScore, seriesSummary } from "./confidence.ts";
import { withApiFields } from "./domain-fields.ts";
import { type ForecastRecord, forecastColumns } from "./forecasts.ts";
import { Between, Label, Uuid } from "./schemas.ts";

/** Observations beyond ±1e12 would not fit the stored current value (numeric(18,4)). */
const SERIES_LIMIT = 1e12;
/** Longest series accepted: enough for 27 years of daily data, and well inside the body limit. */
export const MAX_SERIES_POINTS = 20_000;

/** `POST /lords/seer/predict-trend`. */
export const PredictTrendInput = strictBody({
  subject: Label(200),
  metric: Label(100),
  method: v.picklist(FORECAST_TYPES, `method must be one of ${FORECAST_TYPES.join(", ")}`),
  /** Equally spaced observations, oldest first. The method's minimum length is checked by the method. */
  series: v.pipe(
    v.array(Between(-SERIES_LIMIT, SERIES_LIMIT)),
    v.maxLength(MAX_SERIES_POINTS, `must have at most ${MAX_SERIES_POINTS} points`),
  ),
  horizon: v.pipe(v.number(), v.integer("must be a whole number of periods"), v.minValue(1), v.maxValue(1000)),
  interval_level: v.optional(Between(0.5, 0.999)),
  /** Polynomial degree (required for `polynomial`). */
  degree: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_POLYNOMIAL_DEGREE))),
  /** Season length in periods (required for `seasonal`), or a known cycle length for `cyclical`. */
  period: v.optional(v.pipe(v.number(), v.minValue(2), v.maxValue(1000))),
  alpha: v.optional(Between(0, 1)),
  beta: v.optional(Between(0, 1)),
  gamma: v.optional(Between(0, 1)),
  /** Days one period of the series spans (1 daily, 7 weekly, 30.4 monthly), for the horizon in days. */
  period_days: v.optional(v.pipe(v.number(), v.gtValue(0), v.maxValue(366))),
  campaign_id: v.optional(Uuid),
});
type PredictTrend = v.InferOutput<typeof PredictTrendInput>;

/** The domain's forecasting request for the input; a method's missing parameter is a 400 on that field. */
export function forecastRequest(input: PredictTrend): ForecastRequest {
  const base = {
    horizon: input.horizon,
    ...(input.interval_level !== undefined ? { intervalLevel: input.interval_level } : {}),
  };
  switch (input.method) {
    case "polynomial":
      if (input.degree === undefined) throw new DomainInputError("degree", "is required for polynomial forecasting");
      return { method: "polynomial", degree: input.degree, ...base };
    case "seasonal": {
      if (input.period === undefined) throw new DomainInputError("period", "is required for seasonal forecasting");
      const smoothing = {
        ...(input.alpha !== undefined ? { alpha: input.alpha } : {}),
        ...(input.beta !== undefined ? { beta: input.beta } : {}),
        ...(input.gamma !== undefined ? { gamma: input.gamma } : {}),
      };
      return { method: "seasonal", period: input.period, ...smoothing, ...base };
    }
    case "cyclical":
      return { method: "cyclical", ...(input.period !== undefined ? { period: input.period } : {}), ...base };
    default:
      return { method: input.method, ...base };
  }
}

/** Fits the series and checks every prediction is a finite number (exponential growth can overflow). */
export function runForecast(input: PredictTrend): Forecast {
  const result = withApiFields(() => forecast(input.series, forecastRequest(input)), {
    intervalLevel: "interval_level",
  });
  if (result.predictions.some((p) => ![p.value, p.lower, p.upper].every(Number.isFinite))) {
    throw new DomainInputError(
      "horizon",
      "the forecast outgrows the representable range this far out; shorten the horizon",
    );
  }
  return result;
}

/**
 * Forecasts the submitted series with the chosen method (least squares, log-linear, polynomial,
 * additive Holt–Winters, or a trend-plus-cycle regression): predicted values with prediction
 * intervals, the trend direction from the slope's size and significance, and the confidence from
 * the fit (R², residual spread). A series too short for the method is a 400 naming the minimum.
 * `trend.updated` follows `trend.predicted` when the subject's metric changed direction.
 */
export const predictTrend = defineCapability({
  name: "predict_trend",
  description: "Forecasts a series (linear, exponential, polynomial, seasonal, cyclical) with intervals and confidence",
  input: PredictTrendInput,
  mutates: true,
  async handler(input, ctx) {
    const fitted = runForecast(input);
    const periodDays = input.period_days ?? 1;
    const confidence = Math.round(confidenceScore(fitted, input.series) * 1000) / 1000;
    const predicted = fitted.predictions.map((p) => ({ ...p, days_ahead: p.step * periodDays }));
    const analysis = {
      model: fitted.model,
      fit: fitted.fit,
      trend: fitted.trend,
      interval_level: fitted.intervalLevel,
      period_days: periodDays,
      horizon: input.horizon,
      series: seriesSummary(input.series),
    };
    const record = await ctx.transaction(async (tx, emit) => {
      const [previous] = await tx<{ id: string; trend_direction: string }[]>`
        select id, trend_direction from public.trend_forecasts
        where workspace_id = ${ctx.workspaceId} and subject = ${input.subject} and metric = ${input.metric}
        order by created_at desc, id desc limit 1`;
      const [row] = await tx<ForecastRecord[]>`
        insert into public.trend_forecasts as f
          (workspace_id, subject, metric, forecast_type, trend_direction, confidence_level, confidence, current_value,
           predicted_values, horizon_days, campaign_id, analysis, created_by)
        values (${ctx.workspaceId}, ${input.subject}, ${input.metric}, ${fitted.method}, ${fitted.trend.direction},
                ${fitted.confidence}, ${confidence}, ${fitted.currentValue}, ${tx.json(predicted as unknown as Json)},
                ${Math.ceil(input.horizon * periodDays)}, ${input.campaign_id ?? null},
                ${tx.json(analysis as unknown as Json)}, ${ctx.actor.userId})
        returning ${forecastColumns(tx)}`;
      const summary = {
        forecast_id: row!.id,
        subject: input.subject,
        metric: input.metric,
        method: fitted.method,
        trend_direction: fitted.trend.direction,
        confidence_level: fitted.confidence,
        confidence,
      };
      await emit("trend.predicted", { ...summary, horizon: input.horizon, current_value: fitted.currentValue });
      if (previous && previous.trend_direction !== fitted.trend.direction) {
        await emit("trend.updated", {
          ...summary,
          previous_forecast_id: previous.id,
          previous_direction: previous.trend_direction,
        });
      }
      return { ...row!, previous_forecast_id: previous?.id ?? null };
    });
    ctx.state.count("predictions");
    ctx.state.track("trends", `${input.subject}/${input.metric}`, fitted.trend.direction);
    return record;
  },
});
