import * as v from "valibot";
import { oneOf } from "../../../functions/campaigns/fields.ts";
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
import { columnValues } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { type InitiativeView, initiativeColumns } from "./initiative-rows.ts";
import { pageEntries, pageQuery } from "./paging.ts";

/** Filters and page of `GET /initiatives`. */
export const ListInitiativesInput = v.object({
  ...pageEntries,
  status: v.optional(oneOf(columnValues.initiatives.status, "status")),
  priority: v.optional(oneOf(columnValues.initiatives.priority, "priority")),
});

/** The workspace's initiatives, newest first, optionally by status and priority. */
export const listInitiatives = defineCapability({
  name: "list_initiatives",
  description: "Lists the workspace's strategic initiatives, newest first",
  input: ListInitiativesInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<InitiativeView>> {
    const query = pageQuery(input);
    return ctx.transaction(async (tx) => {
      const rows = await tx<(InitiativeView & { [CURSOR_COLUMN]: string | null })[]>`
        select ${initiativeColumns(tx)}, ${cursorSelect(tx, query, "i")}
        from public.initiatives i
        where ${and(tx, [
          tx`i.workspace_id = ${ctx.workspaceId}`,
          equals(tx, "status", input.status, "i"),
          equals(tx, "priority", input.priority, "i"),
          keysetCondition(tx, query, "i"),
        ])}
        ${orderByClause(tx, query, "i")}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
