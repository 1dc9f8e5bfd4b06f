import * as v from "valibot";
import type { Fragment, SqlTag } from "../../shared/db/pagination.ts";

/** The `q` query parameter: free text, trimmed, at most 200 characters; empty means no search. */
export const SearchText = v.optional(
  v.pipe(v.string("q must be a string"), v.trim(), v.maxLength(200, "q must be at most 200 characters")),
);

/** Escapes LIKE's wildcards so `q` matches literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * `(a ilike '%q%' or b ilike '%q%' …)` over the given columns, or undefined (no filter) when
 * there is nothing to search for. Case-insensitive substring matching; the workspace filter
 * keeps the scan to one tenant's rows.
 */
export function searchCondition(
  sql: SqlTag,
  columns: readonly string[],
  text: string | undefined,
): Fragment | undefined {
  if (!text) return undefined;
  const pattern = likePattern(text);
  const matches = columns.map((column) => sql`${sql(column)} ilike ${pattern}`);
  return sql`(${matches.slice(1).reduce((joined, match) => sql`${joined} or ${match}`, matches[0]!)})`;
}
