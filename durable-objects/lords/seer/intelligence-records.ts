import type { Tx } from "../../../shared/db/database.ts";
import type { Fragment } from "../../../shared/db/pagination.ts";
import type { Json } from "../../../shared/db/rows.generated.ts";

/** A market_intelligence row as the Seer's routes answer with it. */
export interface IntelligenceRecord {
  id: string;
  intelligence_type: string;
  title: string;
  summary: string | null;
  source: string | null;
  source_url: string | null;
  impact_score: number | null;
  relevance_score: number | null;
  threat_level: string | null;
  key_insights: Json;
  data: Json;
  competitor_id: string | null;
  campaign_id: string | null;
  gathered_at: Date;
  expires_at: Date | null;
  created_by: string | null;
  created_at: Date;
}

/** The select list of an intelligence record, scores as numbers. */
export function intelligenceColumns(tx: Tx, alias = "m"): Fragment {
  const a = tx(alias);
  return tx`${a}.id, ${a}.intelligence_type, ${a}.title, ${a}.summary, ${a}.source, ${a}.source_url,
            ${a}.impact_score::float8 as impact_score, ${a}.relevance_score::float8 as relevance_score,
            ${a}.threat_level, ${a}.key_insights, ${a}.data, ${a}.competitor_id, ${a}.campaign_id, ${a}.gathered_at,
            ${a}.expires_at, ${a}.created_by, ${a}.created_at`;
}
