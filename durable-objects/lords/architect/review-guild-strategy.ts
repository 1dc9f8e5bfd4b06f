import * as v from "valibot";
import { labels, strictBody } from "../../../functions/campaigns/fields.ts";
import { type AlignmentResult, alignmentScore } from "../../../shared/domain/architect/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { type GuidanceView, loadGuild, replaceGuidance } from "./guidance-rows.ts";
import { goalList, guildSlug, initiativeLink, prose } from "./inputs.ts";
import { inRequestTerms, requestField } from "./request-fields.ts";
import { goalsFromInitiatives, openInitiatives } from "./workspace-context.ts";

/** `POST /strategy/review`: a guild's strategy and the goals to score it against. */
export const ReviewGuildStrategyInput = strictBody({
  guild: guildSlug("guild"),
  strategy: strictBody({
    description: prose("strategy.description", 5000),
    objectives: v.optional(labels("strategy.objectives", 30)),
  }),
  organizational_goals: v.optional(goalList("organizational_goals")),
  ...initiativeLink,
});

/** The stored review with its alignment score and reasons. */
export interface StrategyReview {
  review: GuidanceView;
  superseded: string[];
  alignment: AlignmentResult;
  goals_from: "request" | "initiatives";
}

/**
 * Scores a guild's strategy against the organisation's goals — those given, or the workspace's
 * open initiatives as goals — by weighted keyword coverage, with a reason per goal, and stores
 * it as the guild's current strategy review.
 */
export const reviewGuildStrategy = defineCapability({
  name: "review_guild_strategy",
  description: "Scores a guild's strategy for alignment with the organisation's goals, with a reason per goal",
  input: ReviewGuildStrategyInput,
  mutates: true,
  async handler(input, ctx): Promise<StrategyReview> {
    const { guild, goals } = await ctx.transaction(async (tx) => ({
      guild: await loadGuild(tx, input.guild),
      goals: input.organizational_goals ?? goalsFromInitiatives(await openInitiatives(tx, ctx.workspaceId)),
    }));
    if (goals.length === 0) {
      throw ApiError.validation([
        {
          field: "organizational_goals",
          message: "is required: the workspace has no open initiatives to take goals from",
        },
      ]);
    }
    const alignment = inRequestTerms(
      () => alignmentScore({ description: input.strategy.description, objectives: input.strategy.objectives }, goals),
      requestField,
    );
    const supported = alignment.goals.filter((g) => g.coverage >= 0.5).length;

    const stored = await ctx.transaction(async (tx, emit) => {
      const result = await replaceGuidance(tx, ctx.workspaceId, ctx.actor.userId, {
        guild,
        guidance_type: "strategy_review",
        title: `Strategy review: ${guild.name}`,
        guidance: `Alignment ${round(alignment.score)}/100: the strategy supports ${supported} of ${goals.length} goal${goals.length === 1 ? "" : "s"}. ${input.strategy.description}`,
        recommendations: alignment.goals.map((goal, i) => ({
          goal_id: goal.goalId,
          coverage: goal.coverage,
          weight: goal.weight,
          matched: goal.matched,
          missing: goal.missing,
          reason: alignment.reasons[i],
        })),
        alignment_score: round(alignment.score),
        initiative_id: input.initiative_id ?? null,
      });
      await emit("strategy.reviewed", {
        guidance_id: result.guidance.id,
        guild: guild.slug,
        alignment_score: result.guidance.alignment_score,
        goals: goals.length,
        supported,
        superseded: result.superseded,
      });
      return result;
    });
    ctx.state.count("strategy_reviews");
    return {
      review: stored.guidance,
      superseded: stored.superseded,
      alignment,
      goals_from: input.organizational_goals ? "request" : "initiatives",
    };
  },
});

const round = (x: number) => Math.round(x * 100) / 100;
