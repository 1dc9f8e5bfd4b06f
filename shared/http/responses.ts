import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import type { Page } from "../db/pagination.ts";

// The success shapes every REST group answers with: one object is `{ data }`, a list is
// `{ data: [...], next_cursor }`, a create is 201 with `Location`, a delete 204 without a body.

/** A single resource: `{ data: … }`. */
export interface DataResponse<T> {
  data: T;
}

/** One page of a list: `{ data: [...], next_cursor }`; `next_cursor` is null on the last page. */
export interface ListResponse<T> {
  data: T[];
  next_cursor: string | null;
}

/** Converts a pagination page into the list envelope, mapping each row to its response shape. */
export function listResponse<T>(page: Page<T>): ListResponse<T>;
export function listResponse<Row, T>(page: Page<Row>, map: (row: Row) => T): ListResponse<T>;
export function listResponse<Row, T>(page: Page<Row>, map?: (row: Row) => T): ListResponse<Row | T> {
  return { data: map ? page.items.map(map) : page.items, next_cursor: page.next_cursor };
}

/** 201 with `Location` pointing at the new resource. */
export function created<T>(c: Context<AppEnv>, location: string, data: T) {
  c.header("location", location);
  return c.json<DataResponse<T>>({ data }, 201);
}

/** The path of a resource under the request's workspace, e.g. `campaigns/<id>`. */
export function workspacePath(c: Context<AppEnv>, ...segments: string[]): string {
  return [`/api/workspaces/${c.get("workspaceId")}`, ...segments].join("/");
}

/** OpenAPI descriptions of the error answers every workspace route can give. */
export const ERROR_RESPONSES = {
  400: { description: "Validation failed: `details` names each bad field" },
  401: { description: "Missing, expired or invalid credentials" },
  403: { description: "The caller's role may not do this" },
  404: { description: "No such workspace or resource (other workspaces' ids included)" },
} as const;

/** A row as it goes over the wire: timestamps become ISO 8601 strings. */
export type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** Converts every `Date` of a row to its ISO string, leaving other values as they are. */
export function toWire<T extends object>(row: T): Wire<T> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  ) as Wire<T>;
}

/** A `date` column as `YYYY-MM-DD` (it parses to UTC midnight). */
export function dateOnly(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** A numeric column (postgres.js returns numerics as strings) as a number. */
export function numeric(value: string | null): number | null {
  return value === null ? null : Number(value);
}
