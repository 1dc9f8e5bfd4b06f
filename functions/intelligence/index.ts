import { Hono } from "hono";
import type { AppEnv } from "../../shared/app-env.ts";
import { competitorsApp } from "./competitors/index.ts";
import { insightsApp } from "./insights/index.ts";
import { marketApp } from "./market/index.ts";

/** Intelligence: market intelligence, competitors and customer insights (the Seer's records). */
export const intelligenceApp = new Hono<AppEnv>()
  .route("/market", marketApp)
  .route("/competitors", competitorsApp)
  .route("/insights", insightsApp);
