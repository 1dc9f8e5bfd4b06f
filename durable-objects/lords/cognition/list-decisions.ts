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
import { type DecisionView, decisionColumns } from "./decision-rows.ts";
import { pageEntries, pageQuery } from "./paging.ts";

/** Filters and page of `GET /decisions/recent`. */
export const ListCognitionDecisionsInput = v.object({
  ...pageEntries,
  decision_type: v.optional(oneOf(columnValues.decisions.decision_type, "decision_type")),
  status: v.optional(oneOf(columnValues.decisions.status, "status")),
});

/** The Cognition Lord's recent decisions, newest first. */
export const listDecisions = defineCapability({
  name: "list_decisions",
  description: "Lists the Cognition Lord's recent decisions, newest first",
  input: ListCognitionDecisionsInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<DecisionView>> {
    const query = pageQuery(input);
    return ctx.transaction(async (tx) => {
      const rows = await tx<(DecisionView & { [CURSOR_COLUMN]: string | null })[]>`
        select ${decisionColumns(tx)}, ${cursorSelect(tx, query, "d")}
        from public.decisions d
        where ${and(tx, [
          tx`d.workspace_id = ${ctx.workspaceId}`,
          tx`d.lord = 'cognition'`,
          equals(tx, "decision_type", input.decision_type, "d"),
          equals(tx, "status", input.status, "d"),
          keysetCondition(tx, query, "d"),
        ])}
        ${orderByClause(tx, query, "d")}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
