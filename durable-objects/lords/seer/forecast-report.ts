import * as v from "valibot";
import type { Tx } from "../../../shared/db/database.ts";
import type { Json } from "../../../shared/db/rows.generated.ts";
import { DomainInputError } from "../../../shared/domain/errors.ts";
import { strictBody } from "../../../shared/http/fields.ts";
import { defineCapability } from "../capability.ts";
import { compileReport, type ReportForecast, type ReportIntelligence } from "./compile-report.ts";
import { IsoDate, Label, Uuid } from "./schemas.ts";

/** `POST /lords/seer/forecast/generate`. */
export const ForecastReportInput = v.pipe(
  strictBody({
    title: Label(300),
    period_start: IsoDate,
    period_end: IsoDate,
    summary: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(5_000))),
    /** Forecasts to include; default: the latest forecast of every subject and metric within the lookback. */
    forecast_ids: v.optional(v.pipe(v.array(Uuid), v.minLength(1), v.maxLength(200))),
    /** Intelligence to include; default: unexpired intelligence gathered within the lookback. */
    intelligence_ids: v.optional(v.pipe(v.array(Uuid), v.minLength(1), v.maxLength(200))),
    /** How far back the defaults look, in days (default 90: relevance has halved three times by then). */
    lookback_days: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365))),
  }),
  v.forward(
    v.check((input) => input.period_end >= input.period_start, "must not be before period_start"),
    ["period_end"],
  ),
);
type ForecastReport = v.InferOutput<typeof ForecastReportInput>;

const DEFAULT_LOOKBACK_DAYS = 90;

/** A forecast_reports row as the routes answer with it. */
export interface ForecastReportRecord {
  id: string;
  title: string;
  period_start: string;
  period_end: string;
  summary: string | null;
  predictions: Json;
  intelligence: Json;
  risks: Json;
  opportunities: Json;
  overall_confidence: number | null;
  created_by: string | null;
  created_at: Date;
}

/** The select list of a report: dates as text (they are calendar dates), confidence as a number. */
export const REPORT_COLUMNS = `id, title, period_start::text as period_start, period_end::text as period_end, summary,
  predictions, intelligence, risks, opportunities, overall_confidence::float8 as overall_confidence, created_by, created_at`;

function requireAll(field: string, wanted: readonly string[] | undefined, found: readonly { id: string }[]): void {
  if (!wanted) return;
  const missing = wanted.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0) throw new DomainInputError(field, `not found in this workspace: ${missing.join(", ")}`);
}

async function loadForecasts(tx: Tx, workspaceId: string, input: ForecastReport, lookback: number) {
  const rows = input.forecast_ids
    ? await tx<ReportForecast[]>`
        select id, subject, metric, forecast_type, trend_direction, confidence_level, confidence::float8 as confidence,
               current_value::float8 as current_value, predicted_values, horizon_days
        from public.trend_forecasts
        where workspace_id = ${workspaceId} and id in ${tx(input.forecast_ids)}
        order by subject, metric, created_at desc`
    : await tx<ReportForecast[]>`
        select distinct on (subject, metric) id, subject, metric, forecast_type, trend_direction, confidence_level,
               confidence::float8 as confidence, current_value::float8 as current_value, predicted_values, horizon_days
        from public.trend_forecasts
        where workspace_id = ${workspaceId} and created_at >= now() - make_interval(days => ${lookback})
        order by subject, metric, created_at desc, id desc`;
  requireAll("forecast_ids", input.forecast_ids, rows);
  return rows;
}

async function loadIntelligence(tx: Tx, workspaceId: string, input: ForecastReport, lookback: number) {
  const rows = input.intelligence_ids
    ? await tx<ReportIntelligence[]>`
        select id, intelligence_type, title, impact_score::float8 as impact_score,
               relevance_score::float8 as relevance_score, threat_level, data
        from public.market_intelligence
        where workspace_id = ${workspaceId} and id in ${tx(input.intelligence_ids)}
        order by gathered_at desc, id`
    : await tx<ReportIntelligence[]>`
        select id, intelligence_type, title, impact_score::float8 as impact_score,
               relevance_score::float8 as relevance_score, threat_level, data
        from public.market_intelligence
        where workspace_id = ${workspaceId} and gathered_at >= now() - make_interval(days => ${lookback})
          and (expires_at is null or expires_at > now())
        order by gathered_at desc, id`;
  requireAll("intelligence_ids", input.intelligence_ids, rows);
  return rows;
}

/**
 * Compiles a forecast report for a period from the workspace's predictions and intelligence (the
 * latest forecast per subject and metric, unexpired intelligence, or the ones named): the
 * predictions with their final predicted values, the intelligence, risks and opportunities ranked
 * by seriousness, and the overall confidence; stores it and emits `forecast.generated`.
 */
export const getForecastReport = defineCapability({
  name: "get_forecast_report",
  description: "Compiles predictions and intelligence into a forecast report with risks and opportunities",
  input: ForecastReportInput,
  mutates: true,
  async handler(input, ctx) {
    const lookback = input.lookback_days ?? DEFAULT_LOOKBACK_DAYS;
    const report = await ctx.transaction(async (tx, emit) => {
      const forecasts = await loadForecasts(tx, ctx.workspaceId, input, lookback);
      const intelligence = await loadIntelligence(tx, ctx.workspaceId, input, lookback);
      const compiled = compileReport(forecasts, intelligence);
      const [row] = await tx<ForecastReportRecord[]>`
        insert into public.forecast_reports
          (workspace_id, title, period_start, period_end, summary, predictions, intelligence, risks, opportunities,
           overall_confidence, created_by)
        values (${ctx.workspaceId}, ${input.title}, ${input.period_start}::date, ${input.period_end}::date,
                ${input.summary ?? compiled.summary}, ${tx.json(compiled.predictions as Json)},
                ${tx.json(compiled.intelligence as Json)}, ${tx.json(compiled.risks as unknown as Json)},
                ${tx.json(compiled.opportunities as unknown as Json)}, ${compiled.overall_confidence}, ${ctx.actor.userId})
        returning ${tx.unsafe(REPORT_COLUMNS)}`;
      await emit("forecast.generated", {
        report_id: row!.id,
        title: input.title,
        period_start: input.period_start,
        period_end: input.period_end,
        predictions: compiled.predictions.length,
        intelligence: compiled.intelligence.length,
        risks: compiled.risks.length,
        opportunities: compiled.opportunities.length,
        overall_confidence: compiled.overall_confidence,
      });
      return row!;
    });
    ctx.state.count("forecast_reports");
    return report;
  },
});
