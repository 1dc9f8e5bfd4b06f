import * as v from "valibot";
import type { Tx } from "../../../shared/db/database.ts";
import type { Json } from "../../../shared/db/rows.generated.ts";
import { DomainInputError } from "../../../shared/domain/errors.ts";
import { type PerformanceMetric, performanceAnalysis } from "../../../shared/domain/seer/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { strictBody } from "../../../shared/http/fields.ts";
import { defineCapability } from "../capability.ts";
import { withApiFields } from "./domain-fields.ts";
import { type GuildPeriod, guildMetricHistories } from "./guild-metrics.ts";
import { Between, IsoTimestamp, Uuid } from "./schemas.ts";

const MetricName = v.pipe(
  v.string(),
  v.regex(/^[a-z][a-z0-9_]{0,62}$/, "metric names are snake_case, up to 63 characters"),
);

/** `POST /lords/seer/analysis/performance`. */
export const AnalyzePerformanceInput = v.pipe(
  strictBody({
    subject_type: v.picklist(["campaign", "guild", "workspace"], "subject_type must be campaign, guild or workspace"),
    campaign_id: v.optional(Uuid),
    guild_id: v.optional(Uuid),
    period_start: v.optional(IsoTimestamp),
    period_end: v.optional(IsoTimestamp),
    /** Metric histories, oldest first. For a guild they default to its recorded performance. */
    metrics: v.optional(
      v.pipe(
        v.array(
          v.object({
            name: MetricName,
            values: v.pipe(
              v.array(Between(-1e12, 1e12)),
              v.minLength(1, "needs at least one value"),
              v.maxLength(1_000),
            ),
            higher_is_better: v.optional(v.boolean()),
          }),
        ),
        v.minLength(1, "needs at least one metric"),
        v.maxLength(50),
      ),
    ),
    /** Target (and optionally the worst acceptable value) per metric name. */
    thresholds: v.pipe(
      v.record(
        MetricName,
        v.object({ target: v.pipe(v.number(), v.gtValue(0, "must be positive")), acceptable: v.optional(v.number()) }),
      ),
      v.check((record) => Object.keys(record).length > 0, "needs a threshold for at least one metric"),
    ),
  }),
  v.forward(
    v.check(
      (input) => input.subject_type !== "campaign" || input.campaign_id !== undefined,
      "is required for a campaign",
    ),
    ["campaign_id"],
  ),
  v.forward(
    v.check((input) => input.subject_type !== "guild" || input.guild_id !== undefined, "is required for a guild"),
    ["guild_id"],
  ),
  v.forward(
    v.check(
      (input) => input.subject_type === "guild" || input.metrics !== undefined,
      "are required unless the subject is a guild",
    ),
    ["metrics"],
  ),
  v.forward(
    v.check(
      (input) =>
        input.period_start === undefined ||
        input.period_end === undefined ||
        Date.parse(input.period_end) >= Date.parse(input.period_start),
      "must not be before period_start",
    ),
    ["period_end"],
  ),
);
type AnalyzePerformance = v.InferOutput<typeof AnalyzePerformanceInput>;

/** The analysis row as the route answers with it. */
interface AnalysisRecord {
  id: string;
  subject_type: string;
  campaign_id: string | null;
  guild_id: string | null;
  period_start: Date | null;
  period_end: Date | null;
  metrics: Json;
  performance_score: number;
  trend_analysis: Json;
  strengths: Json;
  weaknesses: Json;
  created_at: Date;
}

/** The metrics to judge: the caller's, or the guild's recorded periods in the window for the metrics thresholds name. */
async function metricsFor(tx: Tx, workspaceId: string, input: AnalyzePerformance): Promise<PerformanceMetric[]> {
  if (input.metrics) {
    return input.metrics.map((m) => ({
      name: m.name,
      values: m.values,
      ...(m.higher_is_better !== undefined ? { higherIsBetter: m.higher_is_better } : {}),
    }));
  }
  const periods = await tx<GuildPeriod[]>`
    select executions, successes, avg_latency_ms, cost_usd::float8 as cost_usd, quality_score::float8 as quality_score
    from public.guild_performance_metrics
    where workspace_id = ${workspaceId} and guild_id = ${input.guild_id!}
      and (${input.period_start ?? null}::timestamptz is null or period_end > ${input.period_start ?? null}::timestamptz)
      and (${input.period_end ?? null}::timestamptz is null or period_start < ${input.period_end ?? null}::timestamptz)
    order by period_start`;
  const recorded = guildMetricHistories(periods);
  const wanted = Object.keys(input.thresholds);
  const missing = wanted.filter((name) => !recorded.some((metric) => metric.name === name));
  if (missing.length > 0) {
    const known = recorded.map((metric) => metric.name).join(", ") || "none";
    throw new DomainInputError(
      `thresholds.${missing[0]}`,
      `the guild has no recorded ${missing[0]} in the period (recorded: ${known})`,
    );
  }
  return recorded.filter((metric) => wanted.includes(metric.name));
}

/** Makes sure the campaign or guild analysed exists (and, for a campaign, belongs to the workspace). */
async function requireSubject(tx: Tx, workspaceId: string, input: AnalyzePerformance): Promise<void> {
  if (input.campaign_id !== undefined) {
    const [campaign] =
      await tx`select 1 from public.campaigns where workspace_id = ${workspaceId} and id = ${input.campaign_id}`;
    if (!campaign) throw ApiError.notFound("Campaign not found", "CAMPAIGN_NOT_FOUND");
  }
  if (input.guild_id !== undefined) {
    const [guild] = await tx`select 1 from public.guilds where id = ${input.guild_id}`;
    if (!guild) throw ApiError.notFound("Guild not found", "GUILD_NOT_FOUND");
  }
}

/**
 * Analyses a campaign's, a guild's or the whole workspace's metrics against their thresholds
 * (shared/domain/seer/performance.ts): each metric's attainment of its target, its trend (the sign
 * of a significant least-squares slope), strength at 100% of target and weakness below the
 * acceptable value (default 80%); the score is the mean attainment, capped at 100% per metric.
 */
export const analyzePerformance = defineCapability({
  name: "analyze_performance",
  description: "Scores campaign, guild or workspace metrics against thresholds: trend, strengths, weaknesses",
  input: AnalyzePerformanceInput,
  mutates: true,
  async handler(input, ctx) {
    const record = await ctx.transaction(async (tx, emit) => {
      await requireSubject(tx, ctx.workspaceId, input);
      const metrics = await metricsFor(tx, ctx.workspaceId, input);
      const analysis = withApiFields(() => performanceAnalysis(metrics, input.thresholds));
      const byName = Object.fromEntries(
        analysis.metrics.map((m, i) => [
          m.name,
          {
            values: metrics[i]!.values,
            higher_is_better: metrics[i]!.higherIsBetter ?? true,
            current: m.current,
            target: m.target,
            acceptable: input.thresholds[m.name]?.acceptable ?? null,
            // Lower-is-better metrics at 0 meet any target infinitely well; JSON has no Infinity.
            attainment: Number.isFinite(m.attainment) ? m.attainment : null,
            trend: m.trend,
            status: m.status,
          },
        ]),
      );
      const trendAnalysis = {
        overall: analysis.trend,
        by_metric: Object.fromEntries(analysis.metrics.map((m) => [m.name, m.trend])),
      };
      const score = Math.round(analysis.score * 100) / 100;
      const [row] = await tx<AnalysisRecord[]>`
        insert into public.performance_analyses
          (workspace_id, subject_type, campaign_id, guild_id, period_start, period_end, metrics, performance_score,
           trend_analysis, strengths, weaknesses, created_by)
        values (${ctx.workspaceId}, ${input.subject_type}, ${input.campaign_id ?? null}, ${input.guild_id ?? null},
                ${input.period_start ?? null}, ${input.period_end ?? null}, ${tx.json(byName as unknown as Json)}, ${score},
                ${tx.json(trendAnalysis)}, ${tx.json(analysis.strengths)}, ${tx.json(analysis.weaknesses)}, ${ctx.actor.userId})
        returning id, subject_type, campaign_id, guild_id, period_start, period_end, metrics,
                  performance_score::float8 as performance_score, trend_analysis, strengths, weaknesses, created_at`;
      await emit("performance.analyzed", {
        analysis_id: row!.id,
        subject_type: input.subject_type,
        campaign_id: input.campaign_id ?? null,
        guild_id: input.guild_id ?? null,
        performance_score: score,
        trend: analysis.trend,
        strengths: analysis.strengths.length,
        weaknesses: analysis.weaknesses.length,
      });
      return row!;
    });
    ctx.state.count("performance_analyses");
    return record;
  },
});
