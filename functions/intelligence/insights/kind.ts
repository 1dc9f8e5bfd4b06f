import type { RecordKind } from "../records.ts";

/** public.customer_insights as the intelligence records module reads and writes it. */
export const customerInsights: RecordKind = {
  table: "public.customer_insights",
  columns: (tx) => tx`
    id, workspace_id, cohort_id, campaign_id, insight_type, title, insight, evidence, source,
    confidence::float8 as confidence, impact_score::float8 as impact_score, created_by, created_at,
    updated_at`,
  jsonColumns: ["evidence"],
  labelColumn: "title",
  idKey: "insight_id",
  notFound: { message: "Customer insight not found", code: "INSIGHT_NOT_FOUND" },
  events: { created: "insight.created", updated: "insight.updated", deleted: "insight.deleted" },
};
