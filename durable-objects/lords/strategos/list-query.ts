import * as v from "valibot";
import { strictQuery } from "../../../functions/campaigns/fields.ts";
import {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  type ListQuery,
  MAX_PAGE_SIZE,
  parseSort,
} from "../../../shared/db/pagination.ts";

/** The pagination part of a list input, as the query string carries it. */
export interface ListInput {
  limit?: string | undefined;
  cursor?: string | undefined;
  sort?: string | undefined;
}

/**
 * A Lord's list query: `filters` plus `limit`, `cursor` and `sort`, all plain strings. The route
 * and the Lord validate the same input (a transforming schema could not be validated twice), and
 * `toListQuery` turns the checked strings into the keyset query the pagination helpers take.
 */
export function listQuerySchema<const Filters extends v.ObjectEntries>(
  sortable: readonly string[],
  defaultSort: string,
  filters: Filters,
) {
  const keys = sortable.flatMap((column) => [column, `-${column}`]);
  const query = strictQuery({
    ...filters,
    limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, "limit must be a positive integer"))),
    cursor: v.optional(
      v.pipe(
        v.string(),
        v.check((text) => decodeCursor(text) !== undefined, "cursor is not a cursor this API issued"),
      ),
    ),
    sort: v.optional(v.picklist(keys, `sort must be one of ${keys.join(", ")}`)),
  });
  type Query = v.InferOutput<typeof query>;
  return v.pipe(
    query,
    v.forward<Query, v.CheckIssue<Query>, ["cursor"]>(
      v.check((input) => {
        const { cursor, sort } = input as ListInput;
        const decoded = cursor === undefined ? undefined : decodeCursor(cursor);
        return !decoded || decoded.sort === (sort ?? defaultSort);
      }, "cursor belongs to a different sort"),
      // `cursor` is a key of every list query; valibot cannot prove that for generic filters.
      ["cursor"] as never,
    ),
  );
}

/** The keyset query of a validated list input: limit clamped to 1…100 (default 25), sort and cursor. */
export function toListQuery(input: ListInput, defaultSort: string): ListQuery {
  return {
    limit: Math.min(Math.max(Number(input.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE),
    sort: parseSort(input.sort ?? defaultSort),
    cursor: input.cursor === undefined ? undefined : decodeCursor(input.cursor),
  };
}
