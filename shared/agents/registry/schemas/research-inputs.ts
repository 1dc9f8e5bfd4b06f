import * as v from "valibot";
import { BrandContext, count, day, label, list, platform, text, usd } from "./common.ts";

/** RES-001/004/013/018 in: a brand, a geography and category, and the questions to answer. */
export const MarketQuery = v.object({
  brand: BrandContext,
  market: label,
  category: label,
  questions: list(text(300), 0, 10),
});

/** RES-002/010 in: the competitors to study and what to focus on. */
export const CompetitorQuery = v.object({
  brand: BrandContext,
  competitors: list(v.object({ name: label, website: v.optional(v.pipe(v.string(), v.url())) }), 1, 10),
  focus: v.optional(list(v.picklist(["positioning", "pricing", "channels", "product", "messaging"]), 1, 5)),
});

/** RES-003/015/016 in: the segments to understand and any evidence already gathered. */
export const AudienceQuery = v.object({
  brand: BrandContext,
  segments: list(label, 1, 8),
  evidence: v.optional(list(text(1000), 0, 30)),
});

/** RES-005 in: seed keywords for a market and language. */
export const KeywordQuery = v.object({
  brand: BrandContext,
  seedKeywords: list(label, 1, 30),
  market: label,
  language: label,
});

/** RES-006 in: mentions collected from social and community sources over a period. */
export const ListeningQuery = v.object({
  brand: BrandContext,
  mentions: list(
    v.object({ source: v.picklist(["x", "reddit", "linkedin", "reviews", "forums", "news"]), text: text(2000) }),
    1,
    500,
  ),
  from: day,
  to: day,
});

/** RES-007 in: customer reviews of a product. */
export const ReviewQuery = v.object({
  product: label,
  reviews: list(v.object({ rating: count(1, 5), text: text(3000), source: v.optional(label) }), 1, 500),
});

/** RES-008/009 in: what is known about the client company (Maniacal Onboarding steps 1-2). */
export const CompanyQuery = v.object({
  companyName: label,
  website: v.pipe(v.string(), v.url()),
  description: text(2000),
  knownFacts: v.optional(list(text(500), 0, 30)),
});

/** RES-011 in: objectives and budget a channel mix must serve. */
export const ChannelQuery = v.object({
  brand: BrandContext,
  objectives: list(label, 1, 6),
  monthlyBudgetUsd: usd,
  currentChannels: v.optional(list(label, 0, 12)),
});

/** RES-012 in: our topics against competitors' topics. */
export const ContentGapQuery = v.object({
  brand: BrandContext,
  ourTopics: list(label, 0, 100),
  competitorTopics: list(v.object({ competitor: label, topics: list(label, 1, 100) }), 1, 10),
});

/** RES-014 in: where and with what budget to find partners. */
export const PartnerQuery = v.object({
  brand: BrandContext,
  platforms: list(platform, 1, 6),
  budgetUsd: usd,
});

/** RES-017 in: closed deals with their notes. */
export const DealHistory = v.object({
  brand: BrandContext,
  deals: list(
    v.object({ outcome: v.picklist(["won", "lost"]), competitor: v.optional(label), notes: text(1500) }),
    1,
    300,
  ),
});

/** RES-019 in: claims to verify before they are published. */
export const ClaimsQuery = v.object({
  claims: list(v.object({ claim: text(500), source: v.optional(text(300)) }), 1, 50),
});

/** RES-020 in: the guild's findings and the decision they must inform. */
export const SynthesisQuery = v.object({
  brand: BrandContext,
  decisionToInform: text(500),
  findings: list(v.object({ agentCode: label, summary: text(3000) }), 1, 30),
});
