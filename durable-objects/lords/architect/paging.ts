import * as v from "valibot";
import { type Cursor, decodeCursor, type ListQuery, MAX_PAGE_SIZE, parseSort } from "../../../shared/db/pagination.ts";
import { ApiError } from "../../../shared/http/api-error.ts";

/** The page entries of a list capability's input: the route has already turned `limit` into a number. */
export const pageEntries = {
  limit: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PAGE_SIZE, `limit must be ≤ ${MAX_PAGE_SIZE}`)),
    25,
  ),
  cursor: v.optional(v.string("cursor must be a string")),
};

/** Newest first, the order every Architect list uses. */
const NEWEST_FIRST = parseSort("-created_at");

/** The list query of a page request; a cursor this API did not issue (or for another order) is a 400. */
export function pageQuery(page: { limit: number; cursor?: string | undefined }): ListQuery {
  let cursor: Cursor | undefined;
  if (page.cursor !== undefined) {
    cursor = decodeCursor(page.cursor);
    if (!cursor || cursor.sort !== NEWEST_FIRST.key) {
      throw ApiError.validation([
        { field: "cursor", location: "query", message: "cursor is not a cursor this API issued" },
      ]);
    }
  }
  return { limit: page.limit, sort: NEWEST_FIRST, cursor };
}
