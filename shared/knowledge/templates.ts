import * as v from "valibot";

/**
 * The five knowledge templates as typed documents. Each has the fields its kind of knowledge
 * needs and an optional free-text `body` (Markdown) for everything that does not fit a field;
 * `renderDocument` turns a document into Markdown whose headings the chunker splits on.
 */

/** Longest free-text field: a long report fits; the request body limit still applies. */
const MAX_BODY_CHARS = 200_000;
const MAX_FIELD_CHARS = 20_000;
const MAX_LIST_ITEMS = 100;

const text = (name: string, max = MAX_FIELD_CHARS) =>
  v.pipe(
    v.string(`${name} must be a string`),
    v.trim(),
    v.nonEmpty(`${name} must not be empty`),
    v.maxLength(max, `${name} must be at most ${max} characters`),
  );
const list = (name: string) =>
  v.pipe(
    v.array(text(`each ${name} entry`, 2_000), `${name} must be an array of strings`),
    v.maxLength(MAX_LIST_ITEMS, `${name} has more than ${MAX_LIST_ITEMS} entries`),
  );
const body = v.optional(text("body", MAX_BODY_CHARS));
const isoDate = (name: string) => v.pipe(v.string(), v.isoDate(`${name} must be a date (YYYY-MM-DD)`));

/** Intelligence types, as `market_intelligence.intelligence_type` in Postgres names them. */
export const INTELLIGENCE_TYPES = [
  "competitive",
  "market_trend",
  "customer_behavior",
  "technology",
  "regulatory",
  "economic",
] as const;

/** Historical campaign data: results and what was learned. */
export const CampaignPerformanceDocument = v.strictObject({
  template: v.literal("campaign_performance"),
  campaign: text("campaign", 300),
  objective: text("objective"),
  channels: v.pipe(list("channels"), v.minLength(1, "channels must name at least one channel")),
  period: v.optional(v.strictObject({ start: isoDate("period.start"), end: isoDate("period.end") })),
  metrics: v.optional(v.record(v.pipe(v.string(), v.nonEmpty()), v.number("metrics values must be numbers"))),
  results: text("results"),
  learnings: v.optional(list("learnings"), []),
  body,
});

/** Brand voice, visual standards and messaging. */
export const BrandGuidelinesDocument = v.strictObject({
  template: v.literal("brand_guidelines"),
  brand: text("brand", 300),
  voice: text("voice"),
  tone: v.optional(list("tone"), []),
  visual_standards: v.optional(text("visual_standards")),
  colors: v.optional(list("colors"), []),
  typography: v.optional(text("typography")),
  messaging_pillars: v.optional(list("messaging_pillars"), []),
  do: v.optional(list("do"), []),
  dont: v.optional(list("dont"), []),
  body,
});

/** Competitive landscape, trends and insights. */
export const MarketIntelligenceDocument = v.strictObject({
  template: v.literal("market_intelligence"),
  subject: text("subject", 300),
  intelligence_type: v.picklist(
    INTELLIGENCE_TYPES,
    `intelligence_type must be one of ${INTELLIGENCE_TYPES.join(", ")}`,
  ),
  summary: text("summary"),
  insights: v.optional(list("insights"), []),
  trends: v.optional(list("trends"), []),
  competitors: v.optional(list("competitors"), []),
  source_url: v.optional(v.pipe(v.string(), v.url("source_url must be a URL"))),
  observed_at: v.optional(isoDate("observed_at")),
  body,
});

/** Proven strategies, tactics and workflows. */
export const BestPracticesDocument = v.strictObject({
  template: v.literal("best_practices"),
  practice: text("practice", 300),
  context: text("context"),
  steps: v.optional(list("steps"), []),
  evidence: v.optional(text("evidence")),
  pitfalls: v.optional(list("pitfalls"), []),
  body,
});

/** Company policies, processes and culture. */
export const OrganizationalKnowledgeDocument = v.strictObject({
  template: v.literal("organizational_knowledge"),
  topic: text("topic", 300),
  kind: v.picklist(["policy", "process", "culture"], "kind must be one of policy, process, culture"),
  description: text("description"),
  owners: v.optional(list("owners"), []),
  steps: v.optional(list("steps"), []),
  body,
});

/** Any of the five documents, told apart by `template`. */
export const KnowledgeDocument = v.variant(
  "template",
  [
    CampaignPerformanceDocument,
    BrandGuidelinesDocument,
    MarketIntelligenceDocument,
    BestPracticesDocument,
    OrganizationalKnowledgeDocument,
  ],
  "template must be one of campaign_performance, brand_guidelines, market_intelligence, best_practices, organizational_knowledge",
);
export type KnowledgeDocument = v.InferOutput<typeof KnowledgeDocument>;
/** A document as a client writes it (defaults not yet applied). */
export type KnowledgeDocumentInput = v.InferInput<typeof KnowledgeDocument>;
