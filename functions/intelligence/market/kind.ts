import type { RecordKind } from "../records.ts";

/** public.market_intelligence as the intelligence records module reads and writes it. */
export const marketIntelligence: RecordKind = {
  table: "public.market_intelligence",
  columns: (tx) => tx`
    id, workspace_id, intelligence_type, title, summary, source, source_url,
    impact_score::float8 as impact_score, relevance_score::float8 as relevance_score, threat_level,
    key_insights, data, competitor_id, campaign_id, agent_id, gathered_at, expires_at, created_by,
    created_at, updated_at`,
  jsonColumns: ["key_insights", "data"],
  labelColumn: "title",
  idKey: "intelligence_id",
  notFound: { message: "Market intelligence not found", code: "INTELLIGENCE_NOT_FOUND" },
  events: { created: "intelligence.created", updated: "intelligence.updated", deleted: "intelligence.deleted" },
};
