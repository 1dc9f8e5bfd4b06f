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
import { type LearningView, learningColumns } from "./learning-rows.ts";
import { pageEntries, pageQuery } from "./paging.ts";

/** Filters and page of `GET /learning/recent`. */
export const ListLearningsInput = v.object({
  ...pageEntries,
  learning_type: v.optional(oneOf(columnValues.learnings.learning_type, "learning_type")),
  tag: v.optional(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(50))),
  source: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))),
});

/** The learning journal, newest first, by type, tag or source. */
export const listLearnings = defineCapability({
  name: "list_learnings",
  description: "Lists recent learnings, newest first, optionally by type, tag or source",
  input: ListLearningsInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<LearningView>> {
    const query = pageQuery(input);
    return ctx.transaction(async (tx) => {
      const rows = await tx<(LearningView & { [CURSOR_COLUMN]: string | null })[]>`
        select ${learningColumns(tx)}, ${cursorSelect(tx, query, "l")}
        from public.learnings l left join public.agent_registry a on a.id = l.agent_id
        where ${and(tx, [
          tx`l.workspace_id = ${ctx.workspaceId}`,
          equals(tx, "learning_type", input.learning_type, "l"),
          equals(tx, "source", input.source, "l"),
          input.tag === undefined ? undefined : tx`l.tags ? ${input.tag}`,
          keysetCondition(tx, query, "l"),
        ])}
        ${orderByClause(tx, query, "l")}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
