import type { LordModule } from "../capability.ts";
import { analyzePerformance } from "./analyze-performance.ts";
import { getForecastReport } from "./forecast-report.ts";
import { gatherIntelligence } from "./gather-intelligence.ts";
import { generateRecommendation } from "./generate-recommendation.ts";
import { getIntelligence } from "./get-intelligence.ts";
import { getPrediction } from "./get-prediction.ts";
import { listForecastReports } from "./list-forecast-reports.ts";
import { listIntelligence } from "./list-intelligence.ts";
import { listPredictions } from "./list-predictions.ts";
import { listRecommendations } from "./list-recommendations.ts";
import { predictTrend } from "./predict-trend.ts";

/** The Seer (LORD-005): trend forecasting, market intelligence, performance analysis, recommendations, reports. */
export const capabilities: LordModule["capabilities"] = [
  predictTrend,
  gatherIntelligence,
  analyzePerformance,
  generateRecommendation,
  getForecastReport,
  listPredictions,
  getPrediction,
  listIntelligence,
  getIntelligence,
  listRecommendations,
  listForecastReports,
] as LordModule["capabilities"];
