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
import { QUALITY_LEVELS } from "../../../shared/domain/aesthete/index.ts";
import { defineCapability } from "../capability.ts";
import { listInput, toListQuery } from "../seer/list-query.ts";
import { type ReviewRecord, reviewColumns } from "./reviews.ts";
import { Uuid } from "./schemas.ts";

const ORDER = { sortable: ["created_at", "score"], defaultSort: "-created_at" } as const;

/** `GET /lords/aesthete/reviews`: filters and page. */
export const ListReviewsInput = listInput(
  {
    content_item_id: v.optional(Uuid),
    review_kind: v.optional(
      v.picklist(["quality", "brand_compliance"], "review_kind must be quality or brand_compliance"),
    ),
    quality_level: v.optional(v.picklist(QUALITY_LEVELS, `quality_level must be one of ${QUALITY_LEVELS.join(", ")}`)),
  },
  ORDER,
);

/** Lists the workspace's content reviews, newest first by default, with keyset pages. */
export const listReviews = defineCapability({
  name: "list_reviews",
  description: "Lists quality and brand-compliance reviews",
  input: ListReviewsInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<ReviewRecord>> {
    const query = toListQuery(input, ORDER.defaultSort);
    return ctx.transaction(async (tx) => {
      const rows = await tx<(ReviewRecord & { [CURSOR_COLUMN]: string | null })[]>`
        select ${reviewColumns(tx)}, ${cursorSelect(tx, query, "r")}
        from public.content_reviews r
        where ${and(tx, [
          tx`r.workspace_id = ${ctx.workspaceId}`,
          equals(tx, "content_item_id", input.content_item_id, "r"),
          equals(tx, "review_kind", input.review_kind, "r"),
          equals(tx, "quality_level", input.quality_level, "r"),
          keysetCondition(tx, query, "r"),
        ])}
        ${orderByClause(tx, query, "r")}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
