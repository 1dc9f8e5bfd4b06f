/**
 * The knowledge base's fixed vocabulary (council-of-lords-plan.md §1.3, backend-architecture.md
 * system 8): five collections (Upstash Vector namespaces), five document templates and ten
 * categories. Everything a client sends is checked against these lists, so a filter built from
 * them can never carry text the server did not write.
 */

/** The five collections; each is one Upstash Vector namespace shared by every workspace. */
export const COLLECTIONS = [
  "codex_knowledge",
  "campaign_briefs",
  "competitor_intel",
  "industry_research",
  "user_preferences",
] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** What each collection holds, as the spec's knowledge sources describe it. */
export const COLLECTION_DESCRIPTIONS: Readonly<Record<Collection, string>> = {
  codex_knowledge: "The system's own knowledge: what each Lord, guild and agent does.",
  campaign_briefs: "Campaign history: briefs, results and what was learned from them.",
  competitor_intel: "Competitive intelligence: competitors' positioning, moves and weaknesses.",
  industry_research: "Industry research: market trends, articles and reports.",
  user_preferences: "The organization's own settings: brand guidelines, policies and preferences.",
};

/** Collections only the platform writes: the Codex bootstrap owns them, not API callers. */
export const SYSTEM_COLLECTIONS: ReadonlySet<Collection> = new Set(["codex_knowledge"]);

/** The five knowledge templates: typed documents, each with its own fields (templates.ts). */
export const TEMPLATES = [
  "campaign_performance",
  "brand_guidelines",
  "market_intelligence",
  "best_practices",
  "organizational_knowledge",
] as const;
export type Template = (typeof TEMPLATES)[number];

/** The ten knowledge categories, a fixed vocabulary for filtering. */
export const CATEGORIES = [
  "campaign_management",
  "content_strategy",
  "design_branding",
  "customer_insights",
  "market_analysis",
  "competitive_intelligence",
  "performance_metrics",
  "process_documentation",
  "best_practices",
  "risk_management",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Human labels of the categories, as the spec names them. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  campaign_management: "Campaign Management",
  content_strategy: "Content Strategy",
  design_branding: "Design & Branding",
  customer_insights: "Customer Insights",
  market_analysis: "Market Analysis",
  competitive_intelligence: "Competitive Intelligence",
  performance_metrics: "Performance Metrics",
  process_documentation: "Process Documentation",
  best_practices: "Best Practices",
  risk_management: "Risk Management",
};

/**
 * Where a template's documents go when the caller names no collection: the knowledge source the
 * spec files that kind of document under (campaign history, org settings, industry research).
 */
export const DEFAULT_COLLECTION: Readonly<Record<Template, Collection>> = {
  campaign_performance: "campaign_briefs",
  brand_guidelines: "user_preferences",
  market_intelligence: "industry_research",
  best_practices: "campaign_briefs",
  organizational_knowledge: "user_preferences",
};

/** `agent_memories.memory_type` values (the column's check constraint). */
export const MEMORY_TYPES = ["knowledge", "fact", "insight", "example", "guideline", "feedback"] as const;
export type MemoryType = (typeof MEMORY_TYPES)[number];

/** The memory type a template's documents get unless the caller says otherwise. */
export const DEFAULT_MEMORY_TYPE: Readonly<Record<Template, MemoryType>> = {
  campaign_performance: "insight",
  brand_guidelines: "guideline",
  market_intelligence: "fact",
  best_practices: "guideline",
  organizational_knowledge: "knowledge",
};
