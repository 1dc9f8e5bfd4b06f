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
import { columnValues, type DecisionsDecisionType, type Json } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { pageEntries, pageQuery } from "./paging.ts";

/** A decision of the Architect as the API returns it. */
export interface ArchitectDecision {
  id: string;
  decision_type: DecisionsDecisionType;
  title: string;
  context: Json;
  recommendation: string | null;
  rationale: string | null;
  confidence: number | null;
  status: string;
  initiative_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
}

/** Filters and page of `GET /decisions`. */
export const ListArchitectDecisionsInput = v.object({
  ...pageEntries,
  decision_type: v.optional(oneOf(columnValues.decisions.decision_type, "decision_type")),
  status: v.optional(oneOf(columnValues.decisions.status, "status")),
});

/** The Architect's decisions (routings, approvals), newest first. */
export const listDecisions = defineCapability({
  name: "list_decisions",
  description: "Lists the Architect's decisions (request routings, initiative approvals), newest first",
  input: ListArchitectDecisionsInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<ArchitectDecision>> {
    const query = pageQuery(input);
    return ctx.transaction(async (tx) => {
      const rows = await tx<(ArchitectDecision & { [CURSOR_COLUMN]: string | null })[]>`
        select id, decision_type, title, context, recommendation, rationale, confidence::float8 as confidence, status,
               initiative_id, decided_by, decided_at, created_at, ${cursorSelect(tx, query)}
        from public.decisions
        where ${and(tx, [
          tx`workspace_id = ${ctx.workspaceId}`,
          tx`lord = 'architect'`,
          equals(tx, "decision_type", input.decision_type),
          equals(tx, "status", input.status),
          keysetCondition(tx, query),
        ])}
        ${orderByClause(tx, query)}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
