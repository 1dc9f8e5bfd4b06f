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
import { pageEntries, pageQuery } from "./paging.ts";
import { type SynthesisView, synthesisColumns } from "./synthesis-rows.ts";

/** Filters and page of `GET /synthesis/recent`. */
export const ListSynthesesInput = v.object({
  ...pageEntries,
  synthesis_type: v.optional(oneOf(columnValues.syntheses.synthesis_type, "synthesis_type")),
  status: v.optional(oneOf(columnValues.syntheses.status, "status")),
});

/** Recent syntheses, newest first, by type and status. */
export const listSyntheses = defineCapability({
  name: "list_syntheses",
  description: "Lists recent syntheses, newest first, optionally by type and status",
  input: ListSynthesesInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<SynthesisView>> {
    const query = pageQuery(input);
    return ctx.transaction(async (tx) => {
      const rows = await tx<(SynthesisView & { [CURSOR_COLUMN]: string | null })[]>`
        select ${synthesisColumns(tx)}, ${cursorSelect(tx, query, "s")}
        from public.syntheses s
        where ${and(tx, [
          tx`s.workspace_id = ${ctx.workspaceId}`,
          equals(tx, "synthesis_type", input.synthesis_type, "s"),
          equals(tx, "status", input.status, "s"),
          keysetCondition(tx, query, "s"),
        ])}
        ${orderByClause(tx, query, "s")}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
