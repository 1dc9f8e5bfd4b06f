import * as v from "valibot";
import {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  type ListQuery,
  MAX_PAGE_SIZE,
  parseSort,
} from "../../../shared/db/pagination.ts";

/** What a list capability is sorted by: NOT NULL columns (keyset pagination cannot order nulls). */
export interface ListOrder<Column extends string> {
  sortable: readonly Column[];
  defaultSort: Column | `-${Column}`;
}

/**
 * A list capability's input schema: the filters plus `limit`, `cursor` and `sort` as plain strings.
 * The route and the Lord validate the same input, so the schema must not transform (a transformed
 * value cannot be validated again); `toListQuery` turns the checked strings into a keyset query.
 */
export function listInput<const Entries extends v.ObjectEntries, const Column extends string>(
  filters: Entries,
  order: ListOrder<Column>,
) {
  const keys = order.sortable.flatMap((column) => [column, `-${column}`]);
  const entries = {
    ...filters,
    limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, "limit must be a positive integer"))),
    cursor: v.optional(
      v.pipe(
        v.string(),
        v.check((text) => decodeCursor(text) !== undefined, "cursor is not a cursor this API issued"),
      ),
    ),
    sort: v.optional(v.picklist(keys, `sort must be one of ${keys.join(", ")}`)),
  };
  const schema = v.object(entries);
  type Input = v.InferOutput<typeof schema>;
  const cursorFitsSort = (input: Input) => {
    const { cursor, sort } = input as { cursor?: string; sort?: string };
    return cursor === undefined || decodeCursor(cursor)?.sort === (sort ?? order.defaultSort);
  };
  return v.pipe(
    schema,
    v.forward<Input, v.CheckIssue<Input>, ["cursor"]>(
      v.check(cursorFitsSort, "cursor belongs to a different sort"),
      // `cursor` is a key of every list input; valibot cannot prove that for the generic entries.
      ["cursor"] as never,
    ),
  );
}

/** The keyset query of a validated list input: limit 1…100 (default 25), the sort and the cursor. */
export function toListQuery(
  input: { limit?: string | undefined; cursor?: string | undefined; sort?: string | undefined },
  defaultSort: string,
): ListQuery {
  const sort = parseSort(input.sort ?? defaultSort);
  const limit = Math.min(Math.max(Number(input.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  return { limit, sort, cursor: input.cursor === undefined ? undefined : decodeCursor(input.cursor) };
}
