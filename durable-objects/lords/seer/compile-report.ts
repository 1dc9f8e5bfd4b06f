import type { Json } from "../../../shared/db/rows.generated.ts";

/** A stored forecast as a report reads it. */
export interface ReportForecast {
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
}

/** A stored intelligence record as a report reads it. */
export interface ReportIntelligence {
  id: string;
  intelligence_type: string;
  title: string;
  impact_score: number | null;
  relevance_score: number | null;
  threat_level: string | null;
  data: Json;
}

/** A risk or an opportunity: where it came from, how serious it is, and what it says. */
export interface ReportItem {
  source: "forecast" | "intelligence";
  id: string;
  level: "critical" | "high" | "medium";
  description: string;
}

/** What a forecast report holds besides its title and period. */
export interface CompiledReport {
  predictions: Record<string, unknown>[];
  intelligence: Record<string, unknown>[];
  risks: ReportItem[];
  opportunities: ReportItem[];
  overall_confidence: number | null;
  summary: string;
}

const LEVEL_RANK = { critical: 0, high: 1, medium: 2 } as const;

/**
 * Compiles a forecast report. Risks: forecasts trending down (strongly: high, else medium) and
 * intelligence whose threat level is medium or worse. Opportunities: forecasts trending up
 * (strongly: high, else medium) and intelligence whose opportunity score reaches the threat bands'
 * medium (25) or high (50) mark. Both are ordered most serious first. The overall confidence is
 * the mean of the forecasts' 0–1 confidences (null when none has one).
 */
export function compileReport(
  forecasts: readonly ReportForecast[],
  intelligence: readonly ReportIntelligence[],
): CompiledReport {
  const risks: ReportItem[] = [];
  const opportunities: ReportItem[] = [];
  for (const f of forecasts) {
    const what = `${f.subject} ${f.metric} is trending ${f.trend_direction.replace("_", " ")} (confidence ${f.confidence_level.replace("_", " ")})`;
    const strong = f.trend_direction.startsWith("strongly_");
    if (f.trend_direction.endsWith("down"))
      risks.push({ source: "forecast", id: f.id, level: strong ? "high" : "medium", description: what });
    if (f.trend_direction.endsWith("up")) {
      opportunities.push({ source: "forecast", id: f.id, level: strong ? "high" : "medium", description: what });
    }
  }
  for (const item of intelligence) {
    const impact = item.impact_score === null ? "" : `, impact ${item.impact_score}`;
    if (item.threat_level === "critical" || item.threat_level === "high" || item.threat_level === "medium") {
      risks.push({
        source: "intelligence",
        id: item.id,
        level: item.threat_level,
        description: `${item.title} (threat ${item.threat_level}${impact})`,
      });
    }
    const opportunity = opportunityScore(item.data);
    if (opportunity !== null && opportunity >= 25) {
      opportunities.push({
        source: "intelligence",
        id: item.id,
        level: opportunity >= 50 ? "high" : "medium",
        description: `${item.title} (opportunity ${opportunity}${impact})`,
      });
    }
  }
  const bySeriousness = (a: ReportItem, b: ReportItem) =>
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.description.localeCompare(b.description);
  risks.sort(bySeriousness);
  opportunities.sort(bySeriousness);

  const confidences = forecasts.flatMap((f) => (f.confidence === null ? [] : [f.confidence]));
  const overall =
    confidences.length === 0
      ? null
      : Math.round((1000 * confidences.reduce((sum, c) => sum + c, 0)) / confidences.length) / 1000;
  const count = (direction: string) => forecasts.filter((f) => f.trend_direction.endsWith(direction)).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const summary =
    `${plural(forecasts.length, "prediction", "predictions")} (${count("up")} rising, ${count("down")} falling, ` +
    `${count("stable")} stable); ${plural(intelligence.length, "intelligence item", "intelligence items")}; ` +
    `${plural(risks.length, "risk", "risks")}, ${plural(opportunities.length, "opportunity", "opportunities")}; ` +
    `overall confidence ${overall === null ? "not available" : overall.toFixed(2)}.`;

  return {
    predictions: forecasts.map((f) => ({
      forecast_id: f.id,
      subject: f.subject,
      metric: f.metric,
      forecast_type: f.forecast_type,
      trend_direction: f.trend_direction,
      confidence_level: f.confidence_level,
      confidence: f.confidence,
      current_value: f.current_value,
      horizon_days: f.horizon_days,
      final_prediction: Array.isArray(f.predicted_values) ? (f.predicted_values.at(-1) ?? null) : null,
    })),
    intelligence: intelligence.map((item) => ({
      intelligence_id: item.id,
      intelligence_type: item.intelligence_type,
      title: item.title,
      impact_score: item.impact_score,
      relevance_score: item.relevance_score,
      threat_level: item.threat_level,
      opportunity_score: opportunityScore(item.data),
    })),
    risks,
    opportunities,
    overall_confidence: overall,
    summary,
  };
}

/** The opportunity score gather_intelligence stored, if the record has one. */
function opportunityScore(data: Json): number | null {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return null;
  const value = data.opportunity_score;
  return typeof value === "number" ? value : null;
}
