import { Hono } from "hono";
import * as v from "valibot";
import { AnalyzePerformanceInput } from "../../../durable-objects/lords/seer/analyze-performance.ts";
import { ForecastReportInput } from "../../../durable-objects/lords/seer/forecast-report.ts";
import { GatherIntelligenceInput } from "../../../durable-objects/lords/seer/gather-intelligence.ts";
import { GenerateRecommendationInput } from "../../../durable-objects/lords/seer/generate-recommendation.ts";
import { ListForecastReportsInput } from "../../../durable-objects/lords/seer/list-forecast-reports.ts";
import { ListIntelligenceInput } from "../../../durable-objects/lords/seer/list-intelligence.ts";
import { ListPredictionsInput } from "../../../durable-objects/lords/seer/list-predictions.ts";
import { ListRecommendationsInput } from "../../../durable-objects/lords/seer/list-recommendations.ts";
import { PredictTrendInput } from "../../../durable-objects/lords/seer/predict-trend.ts";
import { Uuid } from "../../../durable-objects/lords/seer/schemas.ts";
import type { AppEnv } from "../../../shared/app-env.ts";
import { lordAction, lordQuery } from "../routes.ts";

const IdParams = v.object({ id: Uuid });

/**
 * The Seer's routes under `/lords/seer` (its `status` is served with every Lord's): forecasting,
 * intelligence gathering, performance analysis, recommendations and reports act (lord operators
 * and admins); predictions, intelligence, recommendations and reports are read by every member.
 */
export const seerRoutes = new Hono<AppEnv>()
  .post("/predict-trend", ...lordAction("seer", "predict_trend", PredictTrendInput, { status: 201 }))
  .get("/predictions", ...lordQuery("seer", "list_predictions", ListPredictionsInput))
  .get("/predictions/:id", ...lordQuery("seer", "get_prediction", undefined, { params: IdParams }))
  .post("/intelligence/gather", ...lordAction("seer", "gather_intelligence", GatherIntelligenceInput, { status: 201 }))
  .get("/intelligence", ...lordQuery("seer", "list_intelligence", ListIntelligenceInput))
  .get("/intelligence/:id", ...lordQuery("seer", "get_intelligence", undefined, { params: IdParams }))
  .post("/analysis/performance", ...lordAction("seer", "analyze_performance", AnalyzePerformanceInput, { status: 201 }))
  .post(
    "/recommendations/generate",
    ...lordAction("seer", "generate_recommendation", GenerateRecommendationInput, { status: 201 }),
  )
  .get("/recommendations", ...lordQuery("seer", "list_recommendations", ListRecommendationsInput))
  .post("/forecast/generate", ...lordAction("seer", "get_forecast_report", ForecastReportInput, { status: 201 }))
  .get("/forecast/reports", ...lordQuery("seer", "list_forecast_reports", ListForecastReportsInput));
