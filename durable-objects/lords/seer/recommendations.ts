import type { Tx } from "../../../shared/db/database.ts";
import type { Fragment } from "../../../shared/db/pagination.ts";

/** A recommendation as the Seer's routes answer with it. */
export interface RecommendationRecord {
  id: string;
  title: string;
  description: string | null;
  category: string | null;
  priority: string;
  priority_value: number | null;
  expected_impact: number | null;
  impact_points: number | null;
  implementation_effort: string | null;
  effort_points: number | null;
  success_probability: number | null;
  status: string;
  forecast_id: string | null;
  performance_analysis_id: string | null;
  campaign_id: string | null;
  created_by: string | null;
  created_at: Date;
}

/** The select list of a recommendation, numerics as numbers. */
export function recommendationColumns(tx: Tx, alias = "r"): Fragment {
  const a = tx(alias);
  return tx`${a}.id, ${a}.title, ${a}.description, ${a}.category, ${a}.priority, ${a}.priority_value::float8 as priority_value,
            ${a}.expected_impact::float8 as expected_impact, ${a}.impact_points::float8 as impact_points,
            ${a}.implementation_effort, ${a}.effort_points::float8 as effort_points,
            ${a}.success_probability::float8 as success_probability, ${a}.status, ${a}.forecast_id,
            ${a}.performance_analysis_id, ${a}.campaign_id, ${a}.created_by, ${a}.created_at`;
}

/**
 * The coarse effort band stored next to the 1–10 effort: the scale cut into three equal spans of 3,
 * so up to 4 is low, up to 7 medium, above that high.
 */
export function effortBand(effort: number): "low" | "medium" | "high" {
  if (effort <= 4) return "low";
  if (effort <= 7) return "medium";
  return "high";
}
