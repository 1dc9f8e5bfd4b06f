import type { RecordKind } from "../records.ts";

/** public.competitors as the intelligence records module reads and writes it. */
export const competitors: RecordKind = {
  table: "public.competitors",
  columns: (tx) => tx`
    id, workspace_id, name, website, description, positioning, strengths, weaknesses, threat_level,
    status, created_by, created_at, updated_at`,
  jsonColumns: ["strengths", "weaknesses"],
  labelColumn: "name",
  idKey: "competitor_id",
  notFound: { message: "Competitor not found", code: "COMPETITOR_NOT_FOUND" },
  events: { created: "competitor.created", updated: "competitor.updated", deleted: "competitor.deleted" },
};
