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
import { CONTENT_TYPES } from "../../../shared/domain/aesthete/index.ts";
import { defineCapability } from "../capability.ts";
import { listInput, toListQuery } from "../seer/list-query.ts";
import { Uuid } from "./schemas.ts";

const ORDER = { sortable: ["updated_at", "created_at"], defaultSort: "-updated_at" } as const;

/** `GET /lords/aesthete/approved-content`: filters and page. */
export const ListApprovedContentInput = listInput(
  {
    content_type: v.optional(v.picklist(CONTENT_TYPES, `content_type must be one of ${CONTENT_TYPES.join(", ")}`)),
    campaign_id: v.optional(Uuid),
  },
  ORDER,
);

/** An approved content item with the approval that let it through. */
export interface ApprovedContent {
  id: string;
  content_type: string;
  title: string;
  body: string | null;
  channel: string | null;
  version: number;
  quality_score: number | null;
  campaign_id: string | null;
  created_at: Date;
  updated_at: Date;
  approval: {
    workflow_id: string;
    score: number | null;
    threshold: number;
    content_version: number | null;
    decided_by: string | null;
    decided_at: Date | null;
  } | null;
}

/** Lists approved content, most recently changed first, each with its latest approval decision. */
export const listApprovedContent = defineCapability({
  name: "list_approved_content",
  description: "Lists approved content items with their approval decision",
  input: ListApprovedContentInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<ApprovedContent>> {
    const query = toListQuery(input, ORDER.defaultSort);
    return ctx.transaction(async (tx) => {
      const rows = await tx<(ApprovedContent & { [CURSOR_COLUMN]: string | null })[]>`
        select c.id, c.content_type, c.title, c.body, c.channel, c.version, c.quality_score::float8 as quality_score,
               c.campaign_id, c.created_at, c.updated_at,
               case when a.id is null then null else jsonb_build_object(
                 'workflow_id', a.id, 'score', a.score::float8, 'threshold', a.threshold::float8,
                 'content_version', a.content_version, 'decided_by', a.decided_by, 'decided_at', a.decided_at)
               end as approval,
               ${cursorSelect(tx, query, "c")}
        from public.content_items c
        left join lateral (
          select w.id, w.score, w.threshold, w.content_version, w.decided_by, w.decided_at
          from public.approval_workflows w
          where w.workspace_id = c.workspace_id and w.content_item_id = c.id and w.status = 'approved'
          order by w.decided_at desc nulls last, w.created_at desc
          limit 1
        ) a on true
        where ${and(tx, [
          tx`c.workspace_id = ${ctx.workspaceId}`,
          tx`c.status = 'approved'`,
          equals(tx, "content_type", input.content_type, "c"),
          equals(tx, "campaign_id", input.campaign_id, "c"),
          keysetCondition(tx, query, "c"),
        ])}
        ${orderByClause(tx, query, "c")}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
