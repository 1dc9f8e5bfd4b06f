import type { Tx } from "../../../shared/db/database.ts";
import type { Fragment } from "../../../shared/db/pagination.ts";
import type { Json } from "../../../shared/db/rows.generated.ts";

/** A stored trend forecast as the Seer's routes answer with it. */
export interface ForecastRecord {
  id: string;
  subject: string;
  metric: string;
  forecast_type: string;
  trend_direction: string;
  confidence_level: string;
  confidence: number | null;
  current_value: number | null;
  predicted_values: Json;
  horizon_days: number;
  campaign_id: string | null;
  analysis: Json;
  created_by: string | null;
  created_at: Date;
}

/** The select list of a forecast, numerics as numbers. */
export function forecastColumns(tx: Tx, alias = "f"): Fragment {
  const a = tx(alias);
  return tx`${a}.id, ${a}.subject, ${a}.metric, ${a}.forecast_type, ${a}.trend_direction, ${a}.confidence_level,
            ${a}.confidence::float8 as confidence, ${a}.current_value::float8 as current_value, ${a}.predicted_values,
            ${a}.horizon_days, ${a}.campaign_id, ${a}.analysis, ${a}.created_by, ${a}.created_at`;
}
