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
import { PRIORITY_LEVELS } from "../../../shared/domain/priority.ts";
import { defineCapability } from "../capability.ts";
import { RECOMMENDATION_CATEGORIES } from "./generate-recommendation.ts";
import { listInput, toListQuery } from "./list-query.ts";
import { type RecommendationRecord, recommendationColumns } from "./recommendations.ts";
import { Uuid } from "./schemas.ts";

const ORDER = { sortable: ["created_at"], defaultSort: "-created_at" } as const;
const STATUSES = ["proposed", "accepted", "rejected", "implemented", "dismissed"] as const;

/** `GET /lords/seer/recommendations`: filters and page. */
export const ListRecommendationsInput = listInput(
  {
    status: v.optional(v.picklist(STATUSES, `status must be one of ${STATUSES.join(", ")}`)),
    priority: v.optional(v.picklist(PRIORITY_LEVELS, `priority must be one of ${PRIORITY_LEVELS.join(", ")}`)),
    category: v.optional(
      v.picklist(RECOMMENDATION_CATEGORIES, `category must be one of ${RECOMMENDATION_CATEGORIES.join(", ")}`),
    ),
    campaign_id: v.optional(Uuid),
  },
  ORDER,
);

/** Lists the workspace's recommendations, newest first, with keyset pages. */
export const listRecommendations = defineCapability({
  name: "list_recommendations",
  description: "Lists strategic recommendations",
  input: ListRecommendationsInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<RecommendationRecord>> {
    const query = toListQuery(input, ORDER.defaultSort);
    return ctx.transaction(async (tx) => {
      const rows = await tx<(RecommendationRecord & { [CURSOR_COLUMN]: string | null })[]>`
        select ${recommendationColumns(tx)}, ${cursorSelect(tx, query, "r")}
        from public.recommendations r
        where ${and(tx, [
          tx`r.workspace_id = ${ctx.workspaceId}`,
          equals(tx, "status", input.status, "r"),
          equals(tx, "priority", input.priority, "r"),
          equals(tx, "category", input.category, "r"),
          equals(tx, "campaign_id", input.campaign_id, "r"),
          keysetCondition(tx, query, "r"),
        ])}
        ${orderByClause(tx, query, "r")}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
