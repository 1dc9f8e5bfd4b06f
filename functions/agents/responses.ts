import type { Page } from "../../shared/db/pagination.ts";

/** A single object: `{ data: … }` (the API's convention, as the campaigns group answers). */
export interface DataResponse<T> {
  data: T;
}

/** One page of a list: `{ data: [...], next_cursor }`; `next_cursor` is null on the last page. */
export interface ListResponse<T> {
  data: T[];
  next_cursor: string | null;
}

/** The list envelope of a pagination page. */
export function listOf<T>(page: Page<T>): ListResponse<T> {
  return { data: page.items, next_cursor: page.next_cursor };
}
