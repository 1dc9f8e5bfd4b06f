import * as v from "valibot";
import { BrandContext, campaignObjective, count, label, list, platform, text, unit, usd } from "./common.ts";

/** MUSE-021 to 024 in: the campaign theme to turn into platform posts. */
export const SocialBrief = v.object({
  brand: BrandContext,
  campaignTheme: label,
  keyMessage: text(500),
  postCount: count(1, 10),
  links: v.optional(list(v.pipe(v.string(), v.url()), 0, 5)),
});

/** MUSE-025 in: the comments that need a reply. */
export const CommentThread = v.object({
  brand: BrandContext,
  comments: list(v.object({ author: label, platform, text: text(2000) }), 1, 50),
  escalationPolicy: text(500),
});

/** MUSE-028 in: the insight a campaign idea is built on. */
export const ConceptBrief = v.object({
  brand: BrandContext,
  objective: campaignObjective,
  insight: text(800),
  budgetUsd: usd,
});

/** MUSE-029 in: the variants to test and the traffic to test them with. */
export const TestBrief = v.object({
  brand: BrandContext,
  variants: list(v.object({ id: label, description: text(500) }), 2, 10),
  primaryMetric: label,
  baselineRatePct: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  dailyVisitors: count(1),
});

/** MUSE-030 in: copy to adapt to other locales. */
export const LocalizationBrief = v.object({
  brand: BrandContext,
  sourceLocale: label,
  targetLocales: list(label, 1, 10),
  copy: text(5000),
});

/** MUSE-021 to 024 out: posts for one platform. */
export const SocialPosts = v.object({
  posts: list(
    v.object({
      platform,
      text: v.pipe(v.string(), v.minLength(1), v.maxLength(3000)),
      hashtags: list(label, 0, 10),
      mediaSuggestion: text(300),
      bestTimeToPost: label,
    }),
    1,
    10,
  ),
  engagementPrompt: text(300),
});

/** MUSE-025 out: replies, with what to escalate. */
export const CommunityReplies = v.object({
  replies: list(
    v.object({
      commentAuthor: label,
      reply: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
      tone: v.picklist(["warm", "helpful", "apologetic", "playful", "neutral"]),
      escalate: v.boolean(),
      escalationReason: v.nullable(text(300)),
    }),
    1,
    50,
  ),
});

/** MUSE-028 out: campaign big ideas. */
export const BigIdeas = v.object({
  ideas: list(
    v.object({
      name: label,
      insight: text(400),
      idea: text(600),
      executions: list(v.object({ channel: platform, execution: text(300) }), 1, 6),
      risk: text(300),
    }),
    2,
    4,
  ),
  recommendedIdea: label,
});

/** MUSE-029 out: an experiment plan. */
export const TestPlan = v.object({
  hypotheses: list(
    v.object({
      hypothesis: text(400),
      variantIds: list(label, 2, 10),
      primaryMetric: label,
      minimumDetectableEffectPct: v.pipe(v.number(), v.minValue(0.1), v.maxValue(100)),
      sampleSizePerVariant: count(1),
      durationDays: count(1, 90),
    }),
    1,
    5,
  ),
  guardrailMetrics: list(label, 0, 5),
  stoppingRules: list(text(300), 1, 5),
  confidenceLevel: unit,
});

/** MUSE-030 out: localised copy per locale. */
export const Localizations = v.object({
  localizations: list(
    v.object({
      locale: label,
      adaptedCopy: text(5000),
      culturalNotes: list(text(300), 0, 6),
      keptInSourceLanguage: list(label, 0, 10),
    }),
    1,
    10,
  ),
});
