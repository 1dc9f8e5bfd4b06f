import * as v from "valibot";
import { count, label, level, list, percent, score, sentiment, severity, Theme, text, unit, usd } from "./common.ts";

/** RES-001 out: market size, growth and segments. */
export const MarketSizing = v.object({
  market: label,
  marketSizeUsd: usd,
  growthRatePct: v.pipe(v.number(), v.minValue(-100), v.maxValue(1000)),
  segments: list(v.object({ name: label, sizeUsd: usd, growthRatePct: v.number(), description: text(400) }), 1, 8),
  opportunities: list(text(400), 1, 8),
  sources: list(v.object({ name: label, note: text(300) }), 0, 10),
  confidence: unit,
});

/** RES-002 out: one profile per competitor, with positioning, strengths, weaknesses and pricing. */
export const CompetitorProfiles = v.object({
  competitors: list(
    v.object({
      name: label,
      positioning: text(500),
      strengths: list(text(300), 1, 6),
      weaknesses: list(text(300), 1, 6),
      pricing: v.object({
        model: v.picklist(["subscription", "one_time", "usage_based", "freemium", "tiered", "custom"]),
        entryPriceUsd: v.nullable(usd),
        notes: text(300),
      }),
      channels: list(label, 0, 8),
      threatLevel: severity,
    }),
    1,
    10,
  ),
  whiteSpace: list(text(400), 0, 6),
});

/** RES-003 out: personas with pains, motivations and objections. */
export const Personas = v.object({
  personas: list(
    v.object({
      name: label,
      role: label,
      context: text(500),
      painPoints: list(text(300), 1, 6),
      motivations: list(text(300), 1, 6),
      objections: list(text(300), 0, 6),
      channels: list(label, 1, 6),
      quote: text(300),
    }),
    1,
    6,
  ),
});

/** RES-004 out: trends with stage, impact and horizon. */
export const TrendReport = v.object({
  trends: list(
    v.object({
      name: label,
      description: text(500),
      stage: v.picklist(["emerging", "growing", "mainstream", "declining"]),
      impact: level,
      timeHorizonMonths: count(1, 60),
      evidence: list(text(300), 1, 5),
      implication: text(400),
    }),
    1,
    10,
  ),
});

/** RES-005 out: keywords by intent, volume and difficulty, grouped in clusters. */
export const KeywordPlan = v.object({
  keywords: list(
    v.object({
      keyword: label,
      intent: v.picklist(["informational", "navigational", "commercial", "transactional"]),
      monthlyVolume: count(0),
      difficulty: score,
      priority: level,
    }),
    1,
    50,
  ),
  clusters: list(v.object({ theme: label, keywords: list(label, 1, 20) }), 0, 10),
});

/** RES-006 out: themes of the conversation with their sentiment. */
export const ListeningReport = v.object({
  overallSentiment: sentiment,
  themes: list(
    v.object({
      theme: label,
      sentiment,
      shareOfMentionsPct: percent,
      exampleMentions: list(text(300), 0, 3),
    }),
    1,
    10,
  ),
  emergingIssues: list(text(300), 0, 6),
});

/** RES-007 out: what reviewers praise, complain about and ask for. */
export const ReviewInsights = v.object({
  averageRating: v.pipe(v.number(), v.minValue(1), v.maxValue(5)),
  praises: list(Theme, 0, 8),
  complaints: list(Theme, 0, 8),
  featureRequests: list(text(300), 0, 8),
  languageToReuse: list(label, 0, 12),
});

/** RES-008 out: the company's fundamentals. */
export const CompanyProfile = v.object({
  products: list(v.object({ name: label, description: text(400), pricePoint: v.nullable(label) }), 1, 10),
  revenueModel: v.picklist(["subscription", "transactional", "marketplace", "advertising", "licensing", "services"]),
  stage: v.picklist(["pre_seed", "seed", "series_a", "growth", "mature", "public"]),
  teamSizeEstimate: count(1),
  differentiators: list(text(300), 1, 6),
  gtmHistory: list(text(400), 0, 8),
  knowledgeGaps: list(text(300), 0, 8),
});

/** RES-009 out: how the brand is perceived against how it wants to be. */
export const BrandPerception = v.object({
  perceptionSummary: text(800),
  attributes: list(v.object({ attribute: label, perceivedStrength: unit, desiredStrength: unit }), 1, 10),
  gaps: list(text(400), 0, 6),
  evidence: list(text(400), 1, 8),
});

/** RES-010 out: competitors' price points and a pricing stance. */
export const PricingLandscape = v.object({
  pricePoints: list(
    v.object({
      competitor: label,
      plan: label,
      priceUsd: usd,
      billing: v.picklist(["monthly", "annual", "one_time", "usage"]),
      includes: list(label, 0, 10),
    }),
    1,
    30,
  ),
  patterns: list(text(400), 0, 6),
  recommendation: v.object({
    strategy: v.picklist(["penetration", "parity", "premium", "value_based", "freemium"]),
    rationale: text(600),
  }),
});
