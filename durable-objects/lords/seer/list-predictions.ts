import * as v from "valibot";
import {
  and,
  CURSOR_COLUMN,
  cursorSelect,
  equals,
  keysetCondition,
  orderByClause,
  type Page,
  toPage,
} from "../../../shared/db/pagination.ts";
import { CONFIDENCE_LEVELS, FORECAST_TYPES, TREND_DIRECTIONS } from "../../../shared/domain/seer/index.ts";
import { defineCapability } from "../capability.ts";
import { type ForecastRecord, forecastColumns } from "./forecasts.ts";
import { listInput, toListQuery } from "./list-query.ts";
import { Label, Uuid } from "./schemas.ts";

const ORDER = { sortable: ["created_at"], defaultSort: "-created_at" } as const;

/** `GET /lords/seer/predictions`: filters and page. */
export const ListPredictionsInput = listInput(
  {
    forecast_type: v.optional(v.picklist(FORECAST_TYPES, `forecast_type must be one of ${FORECAST_TYPES.join(", ")}`)),
    trend_direction: v.optional(
      v.picklist(TREND_DIRECTIONS, `trend_direction must be one of ${TREND_DIRECTIONS.join(", ")}`),
    ),
    confidence_level: v.optional(
      v.picklist(CONFIDENCE_LEVELS, `confidence_level must be one of ${CONFIDENCE_LEVELS.join(", ")}`),
    ),
    subject: v.optional(Label(200)),
    metric: v.optional(Label(100)),
    campaign_id: v.optional(Uuid),
  },
  ORDER,
);

/** Lists the workspace's trend predictions, newest first, with keyset pages. */
export const listPredictions = defineCapability({
  name: "list_predictions",
  description: "Lists trend predictions",
  input: ListPredictionsInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<ForecastRecord>> {
    const query = toListQuery(input, ORDER.defaultSort);
    return ctx.transaction(async (tx) => {
      const rows = await tx<(ForecastRecord & { [CURSOR_COLUMN]: string | null })[]>`
        select ${forecastColumns(tx)}, ${cursorSelect(tx, query, "f")}
        from public.trend_forecasts f
        where ${and(tx, [
          tx`f.workspace_id = ${ctx.workspaceId}`,
          equals(tx, "forecast_type", input.forecast_type, "f"),
          equals(tx, "trend_direction", input.trend_direction, "f"),
          equals(tx, "confidence_level", input.confidence_level, "f"),
          equals(tx, "subject", input.subject, "f"),
          equals(tx, "metric", input.metric, "f"),
          equals(tx, "campaign_id", input.campaign_id, "f"),
          keysetCondition(tx, query, "f"),
        ])}
        ${orderByClause(tx, query, "f")}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
