import * as v from "valibot";
import { strictBody } from "../../../functions/campaigns/fields.ts";
import { type AlignmentResult, alignmentScore } from "../../../shared/domain/architect/index.ts";
import { defineCapability } from "../capability.ts";
import { askArchitectModel, type ModelUse } from "./architect-model.ts";
import { type GuidanceView, loadGuild, replaceGuidance } from "./guidance-rows.ts";
import { goalList, guildSlug, initiativeLink, prose } from "./inputs.ts";
import { inRequestTerms, requestField } from "./request-fields.ts";
import { describeContext, goalsFromInitiatives, loadWorkspaceContext } from "./workspace-context.ts";

/** `POST /guidance/provide`: the guild, what to focus on, and optionally the goals to align with. */
export const ProvideGuidanceInput = strictBody({
  guild: guildSlug("guild"),
  focus: v.optional(prose("focus", 1000)),
  goals: v.optional(goalList("goals")),
  ...initiativeLink,
});

const text = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));

/** What the model is asked to produce. */
export const GuidanceAdvice = v.object({
  title: text(200),
  summary: text(2000),
  recommendations: v.pipe(
    v.array(v.object({ action: text(300), rationale: text(600), priority: v.picklist(["high", "medium", "low"]) })),
    v.minLength(1),
    v.maxLength(6),
  ),
  focus_areas: v.pipe(v.array(text(80)), v.maxLength(5)),
});
type GuidanceAdvice = v.InferOutput<typeof GuidanceAdvice>;

/** The stored guidance, how well it aligns with the goals, and the model that wrote it. */
export interface ProvidedGuidance {
  guidance: GuidanceView;
  superseded: string[];
  alignment: AlignmentResult | null;
  goals_from: "request" | "initiatives" | null;
  model: ModelUse;
}

const SYSTEM = `You are The Architect, the Lord of RaptorFlow's Council who sets strategy for the guilds of a
marketing workspace. Advise one guild. Ground every recommendation in the workspace context you are given: its
open initiatives and their objectives, the guild's measured performance, recent learnings and the guidance now in
force. Prefer few, concrete, ordered actions over broad advice; say why each matters for an initiative or a
measured weakness; mark as high priority only what blocks an initiative or fixes a failing metric.`;

/**
 * Strategic guidance for one guild through the model layer, grounded in the workspace's context
 * (open initiatives, the guild's performance periods and roster, recent learnings, the guidance in
 * force). The advice is scored for alignment against the goals given, or against the open
 * initiatives as goals; it replaces the guild's active guidance.
 */
export const provideStrategicGuidance = defineCapability({
  name: "provide_strategic_guidance",
  description: "Writes strategic guidance for a guild through the model layer, grounded in the workspace's context",
  input: ProvideGuidanceInput,
  mutates: true,
  async handler(input, ctx): Promise<ProvidedGuidance> {
    const context = await ctx.transaction(async (tx) =>
      loadWorkspaceContext(tx, ctx.workspaceId, await loadGuild(tx, input.guild)),
    );
    const { object: advice, model } = await askArchitectModel(ctx, {
      system: SYSTEM,
      prompt: [
        describeContext(context),
        `Focus: ${input.focus ?? `the ${context.guild.name}'s contribution to the open initiatives`}`,
      ].join("\n\n"),
      schema: GuidanceAdvice,
      schemaName: "strategic_guidance",
      purpose: `Architect strategic guidance for the ${context.guild.slug} guild`,
    });

    const goals = input.goals ?? goalsFromInitiatives(context.initiatives);
    const alignment =
      goals.length === 0
        ? null
        : inRequestTerms(
            () => alignmentScore({ description: adviceText(advice), objectives: advice.focus_areas }, goals),
            (field) => requestField(field.replace(/^organizationalGoals/, "goals")),
          );

    const stored = await ctx.transaction(async (tx, emit) => {
      const result = await replaceGuidance(tx, ctx.workspaceId, ctx.actor.userId, {
        guild: context.guild,
        guidance_type: "guidance",
        title: advice.title,
        guidance: advice.summary,
        recommendations: advice.recommendations,
        alignment_score: alignment ? round(alignment.score) : null,
        initiative_id: input.initiative_id ?? null,
      });
      await emit("guidance.provided", {
        guidance_id: result.guidance.id,
        guild: context.guild.slug,
        title: result.guidance.title,
        alignment_score: result.guidance.alignment_score,
        superseded: result.superseded,
        model: { provider: model.provider, model: model.model, tier: model.tier },
      });
      return result;
    });
    ctx.state.count("guidance_provided");
    return {
      ...stored,
      alignment,
      goals_from: input.goals ? "request" : goals.length > 0 ? "initiatives" : null,
      model,
    };
  },
});

// Everything the advice says, as the text its alignment is scored on.
function adviceText(advice: GuidanceAdvice): string {
  return [advice.title, advice.summary, ...advice.recommendations.flatMap((r) => [r.action, r.rationale])].join("\n");
}

const round = (x: number) => Math.round(x * 100) / 100;
