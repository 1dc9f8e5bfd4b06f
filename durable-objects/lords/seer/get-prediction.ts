import * as v from "valibot";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { type ForecastRecord, forecastColumns } from "./forecasts.ts";
import { Uuid } from "./schemas.ts";

/** `GET /lords/seer/predictions/:id`. */
export const GetPredictionInput = v.object({ id: Uuid });

/** One trend prediction with its fitted model and fit quality; another workspace's is not found. */
export const getPrediction = defineCapability({
  name: "get_prediction",
  description: "Reads one trend prediction with its model and fit",
  input: GetPredictionInput,
  mutates: false,
  async handler(input, ctx): Promise<ForecastRecord> {
    const [row] = await ctx.transaction(
      (tx) => tx<ForecastRecord[]>`
        select ${forecastColumns(tx)} from public.trend_forecasts f
        where f.workspace_id = ${ctx.workspaceId} and f.id = ${input.id}`,
    );
    if (!row) throw ApiError.notFound("Prediction not found", "PREDICTION_NOT_FOUND");
    return row;
  },
});
