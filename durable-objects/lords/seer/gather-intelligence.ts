import * as v from "valibot";
import type { Json } from "../../../shared/db/rows.generated.ts";
import { DomainInputError } from "../../../shared/domain/errors.ts";
import { INTELLIGENCE_TYPES, intelligenceScores } from "../../../shared/domain/seer/index.ts";
import { strictBody } from "../../../shared/http/fields.ts";
import { defineCapability } from "../capability.ts";
import { withApiFields } from "./domain-fields.ts";
import { type IntelligenceRecord, intelligenceColumns } from "./intelligence-records.ts";
import { Between, IsoTimestamp, Label, Uuid } from "./schemas.ts";

const Topic = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100));
const MS_PER_DAY = 86_400_000;

/** `POST /lords/seer/intelligence/gather`. */
export const GatherIntelligenceInput = v.pipe(
  strictBody({
    intelligence_type: v.picklist(
      INTELLIGENCE_TYPES,
      `intelligence_type must be one of ${INTELLIGENCE_TYPES.join(", ")}`,
    ),
    title: Label(300),
    summary: v.optional(v.pipe(v.string(), v.maxLength(5_000))),
    source: v.optional(Label(200)),
    source_url: v.optional(v.pipe(v.string(), v.url("must be a URL"), v.maxLength(2_000))),
    /** Share of our market the development touches, 0–1. */
    reach: Between(0, 1),
    /** Size of the change where it applies, 0–1. */
    magnitude: Between(0, 1),
    /** −1 harmful to us … +1 favourable. */
    sentiment: Between(-1, 1),
    /** How far the source is trusted, 0–1. */
    source_reliability: Between(0, 1),
    /** When the development was observed (default: now); relevance halves every 30 days after it. */
    observed_at: v.optional(IsoTimestamp),
    topics: v.pipe(v.array(Topic), v.maxLength(50)),
    /** Our strategic focus; without it every topic counts as relevant. */
    focus_topics: v.optional(v.pipe(v.array(Topic), v.maxLength(50))),
    key_insights: v.optional(
      v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500))), v.maxLength(50)),
    ),
    competitor_id: v.optional(Uuid),
    campaign_id: v.optional(Uuid),
    expires_at: v.optional(IsoTimestamp),
  }),
  v.forward(
    v.check(
      (input) => input.expires_at === undefined || Date.parse(input.expires_at) > Date.now(),
      "must be in the future",
    ),
    ["expires_at"],
  ),
);

/** Round to the two decimals the score columns keep. */
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Stores a piece of market intelligence with scores computed from its attributes
 * (shared/domain/seer/intelligence.ts): impact = 100·√(reach·magnitude)·reliability; relevance =
 * 100·topic coverage·0.5^(age/30 days); threat and opportunity = impact·(negative or positive
 * sentiment)·coverage, with the threat level from the threat score.
 */
export const gatherIntelligence = defineCapability({
  name: "gather_intelligence",
  description: "Stores market intelligence with impact, relevance and threat scores computed from its attributes",
  input: GatherIntelligenceInput,
  mutates: true,
  async handler(input, ctx) {
    const now = Date.now();
    const observed = input.observed_at === undefined ? now : Date.parse(input.observed_at);
    if (observed > now) throw new DomainInputError("observed_at", "must not be in the future");
    const ageDays = (now - observed) / MS_PER_DAY;
    const scores = withApiFields(
      () =>
        intelligenceScores({
          type: input.intelligence_type,
          reach: input.reach,
          magnitude: input.magnitude,
          sentiment: input.sentiment,
          sourceReliability: input.source_reliability,
          ageDays,
          topics: input.topics,
          ...(input.focus_topics ? { focusTopics: input.focus_topics } : {}),
        }),
      {
        sourceReliability: "source_reliability",
        ageDays: "observed_at",
        focusTopics: "focus_topics",
        type: "intelligence_type",
      },
    );
    const data = {
      reach: input.reach,
      magnitude: input.magnitude,
      sentiment: input.sentiment,
      source_reliability: input.source_reliability,
      observed_at: new Date(observed).toISOString(),
      age_days: ageDays,
      topics: input.topics,
      focus_topics: input.focus_topics ?? null,
      threat_score: round2(scores.threat),
      opportunity_score: round2(scores.opportunity),
      factors: {
        breadth_times_depth: scores.factors.breadthTimesDepth,
        freshness: scores.factors.freshness,
        topic_coverage: scores.factors.topicCoverage,
      },
    };
    const record = await ctx.transaction(async (tx, emit) => {
      const [row] = await tx<IntelligenceRecord[]>`
        insert into public.market_intelligence as m
          (workspace_id, intelligence_type, title, summary, source, source_url, impact_score, relevance_score,
           threat_level, key_insights, data, competitor_id, campaign_id, expires_at, created_by)
        values (${ctx.workspaceId}, ${input.intelligence_type}, ${input.title}, ${input.summary ?? null},
                ${input.source ?? null}, ${input.source_url ?? null}, ${round2(scores.impact)}, ${round2(scores.relevance)},
                ${scores.threatLevel}, ${tx.json(input.key_insights ?? [])}, ${tx.json(data as unknown as Json)},
                ${input.competitor_id ?? null}, ${input.campaign_id ?? null}, ${input.expires_at ?? null}, ${ctx.actor.userId})
        returning ${intelligenceColumns(tx)}`;
      await emit("intelligence.gathered", {
        intelligence_id: row!.id,
        intelligence_type: input.intelligence_type,
        title: input.title,
        impact_score: row!.impact_score,
        relevance_score: row!.relevance_score,
        threat_level: scores.threatLevel,
        threat_score: data.threat_score,
        opportunity_score: data.opportunity_score,
      });
      return row!;
    });
    ctx.state.count("intelligence_gathered");
    if (scores.threatLevel === "high" || scores.threatLevel === "critical") {
      ctx.state.track("threats", record.id, scores.threatLevel);
    }
    return record;
  },
});
