import * as v from "valibot";
import type { Tx } from "../../../shared/db/database.ts";
import { recommendationPriority } from "../../../shared/domain/seer/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { strictBody } from "../../../shared/http/fields.ts";
import { defineCapability } from "../capability.ts";
import { withApiFields } from "./domain-fields.ts";
import { effortBand, type RecommendationRecord, recommendationColumns } from "./recommendations.ts";
import { Between, Label, Uuid } from "./schemas.ts";

/** Recommendation categories (recommendations.category). */
export const RECOMMENDATION_CATEGORIES = [
  "budget",
  "channel",
  "content",
  "audience",
  "timing",
  "positioning",
  "pricing",
  "process",
] as const;

/** `POST /lords/seer/recommendations/generate`. */
export const GenerateRecommendationInput = strictBody({
  title: Label(300),
  description: v.optional(v.pipe(v.string(), v.maxLength(5_000))),
  category: v.optional(
    v.picklist(RECOMMENDATION_CATEGORIES, `category must be one of ${RECOMMENDATION_CATEGORIES.join(", ")}`),
  ),
  /** Expected impact, 1 (marginal) … 10 (transformative). */
  expected_impact: Between(1, 10),
  /** Chance it delivers that impact, 0–1. */
  success_probability: Between(0, 1),
  /** Implementation effort, 1 (an afternoon) … 10 (a quarter of several teams). */
  implementation_effort: Between(1, 10),
  forecast_id: v.optional(Uuid),
  performance_analysis_id: v.optional(Uuid),
  campaign_id: v.optional(Uuid),
});
type GenerateRecommendation = v.InferOutput<typeof GenerateRecommendationInput>;

/** The records a recommendation cites must exist in the workspace: a 404 names the missing one. */
async function requireEvidence(tx: Tx, workspaceId: string, input: GenerateRecommendation): Promise<void> {
  const checks: [id: string | undefined, table: string, label: string, code: string][] = [
    [input.forecast_id, "public.trend_forecasts", "Forecast", "FORECAST_NOT_FOUND"],
    [
      input.performance_analysis_id,
      "public.performance_analyses",
      "Performance analysis",
      "PERFORMANCE_ANALYSIS_NOT_FOUND",
    ],
    [input.campaign_id, "public.campaigns", "Campaign", "CAMPAIGN_NOT_FOUND"],
  ];
  for (const [id, table, label, code] of checks) {
    if (id === undefined) continue;
    const [found] = await tx`select 1 from ${tx(table)} where workspace_id = ${workspaceId} and id = ${id}`;
    if (!found) throw ApiError.notFound(`${label} not found`, code);
  }
}

/**
 * Records a strategic recommendation with its priority from value = impact × success probability ÷
 * effort (shared/domain/seer/recommendation.ts): ≥ 4 critical, ≥ 2 high, ≥ 1 medium, ≥ 0.5 low,
 * else deferred. The exact inputs and the value are stored, and so are the coarse expected impact
 * (impact × 10, on the 0–100 scale) and effort band.
 */
export const generateRecommendation = defineCapability({
  name: "generate_recommendation",
  description: "Records a recommendation prioritised by expected impact × success probability ÷ effort",
  input: GenerateRecommendationInput,
  mutates: true,
  async handler(input, ctx) {
    const { value, priority } = withApiFields(
      () => recommendationPriority(input.expected_impact, input.success_probability, input.implementation_effort),
      { impact: "expected_impact", probability: "success_probability", effort: "implementation_effort" },
    );
    const record = await ctx.transaction(async (tx, emit) => {
      await requireEvidence(tx, ctx.workspaceId, input);
      const [row] = await tx<RecommendationRecord[]>`
        insert into public.recommendations as r
          (workspace_id, title, description, category, priority, expected_impact, impact_points, implementation_effort,
           effort_points, success_probability, priority_value, forecast_id, performance_analysis_id, campaign_id, created_by)
        values (${ctx.workspaceId}, ${input.title}, ${input.description ?? null}, ${input.category ?? null}, ${priority},
                ${input.expected_impact * 10}, ${input.expected_impact}, ${effortBand(input.implementation_effort)},
                ${input.implementation_effort}, ${input.success_probability}, ${Math.round(value * 10_000) / 10_000},
                ${input.forecast_id ?? null}, ${input.performance_analysis_id ?? null}, ${input.campaign_id ?? null},
                ${ctx.actor.userId})
        returning ${recommendationColumns(tx)}`;
      await emit("recommendation.generated", {
        recommendation_id: row!.id,
        title: input.title,
        category: input.category ?? null,
        priority,
        priority_value: row!.priority_value,
      });
      return row!;
    });
    ctx.state.count("recommendations");
    if (priority === "critical" || priority === "high") ctx.state.track("recommendations", record.id, priority);
    return record;
  },
});
