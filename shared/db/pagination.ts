import type postgres from "postgres";
import * as v from "valibot";

/** Any postgres.js tag: a pool or a transaction (fragments must be built with the tag that runs them). */
export type SqlTag = postgres.ISql;
/** A piece of SQL built with a tag, embeddable in another query of the same tag. */
export type Fragment = postgres.Fragment;

/** Page size when the query names none. */
export const DEFAULT_PAGE_SIZE = 25;
/** Largest page a list endpoint returns; larger `limit`s are clamped to it. */
export const MAX_PAGE_SIZE = 100;

/** A sort order: the column, its direction, and the query-string key (`name` or `-created_at`). */
export interface Sort<C extends string = string> {
  key: C | `-${C}`;
  column: C;
  direction: "asc" | "desc";
}

/**
 * Where a page ended: the sort key it was made for, the last row's sort value (as Postgres
 * prints it, so timestamps keep their microseconds) and the last row's id, which breaks ties.
 */
export interface Cursor {
  sort: string;
  value: string;
  id: string;
}

/** A validated list query: page size, sort and the cursor to continue from. */
export interface ListQuery<C extends string = string> {
  limit: number;
  sort: Sort<C>;
  cursor?: Cursor | undefined;
}

/** One page of rows and the cursor of the next page (null on the last page). */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Column the list helpers select the sort value into; `toPage` strips it. */
export const CURSOR_COLUMN = "_cursor";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CursorTuple = v.tuple([v.string(), v.string(), v.pipe(v.string(), v.regex(UUID))]);

/** Encodes a cursor as opaque base64url text. */
export function encodeCursor(cursor: Cursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify([cursor.sort, cursor.value, cursor.id]));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes a cursor made by `encodeCursor`; undefined for anything else. */
export function decodeCursor(text: string): Cursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const parsed = v.safeParse(CursorTuple, JSON.parse(json));
    if (!parsed.success) return undefined;
    const [sort, value, id] = parsed.output;
    return { sort, value, id };
  } catch {
    return undefined;
  }
}

/** Parses a sort key: `name` is ascending, `-created_at` descending. */
export function parseSort<C extends string>(key: C | `-${C}`): Sort<C> {
  return key.startsWith("-")
    ? { key, column: key.slice(1) as C, direction: "desc" }
    : { key, column: key as C, direction: "asc" };
}

/** What a list endpoint may be sorted by, and its defaults. */
export interface ListQueryOptions {
  /** Columns a client may sort by. Each must be NOT NULL: keyset pagination cannot order nulls. */
  sortable: readonly string[];
  /** Sort when the query names none, e.g. `-created_at`. */
  defaultSort: string;
  /** Page size when the query names none (default 25). */
  defaultLimit?: number;
}

/**
 * The `limit`, `cursor` and `sort` entries of a list endpoint's query schema, for composing
 * with filters: `v.pipe(v.object({ ...listQueryEntries(o), status: … }), cursorMatchesSort())`.
 * `limit` is clamped to 1…100 rather than rejected; a malformed cursor is a validation error.
 */
export function listQueryEntries(options: ListQueryOptions) {
  const keys = options.sortable.flatMap((column) => [column, `-${column}`]);
  if (!keys.includes(options.defaultSort)) throw new Error(`defaultSort ${options.defaultSort} is not sortable`);
  return {
    limit: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d{1,6}$/, "limit must be a positive integer"),
        v.transform((text): number => Math.min(Math.max(Number(text), 1), MAX_PAGE_SIZE)),
      ),
      String(options.defaultLimit ?? DEFAULT_PAGE_SIZE),
    ),
    cursor: v.optional(
      v.pipe(
        v.string(),
        v.rawTransform(({ dataset, addIssue, NEVER }): Cursor => {
          const cursor = decodeCursor(dataset.value);
          if (!cursor) {
            addIssue({ message: "cursor is not a cursor this API issued" });
            return NEVER;
          }
          return cursor;
        }),
      ),
    ),
    sort: v.optional(
      v.pipe(
        v.picklist(keys, `sort must be one of ${keys.join(", ")}`),
        v.transform((key): Sort => parseSort(key)),
      ),
      options.defaultSort,
    ),
  };
}

/** Rejects a cursor that was issued for a different sort than the one requested. */
export function cursorMatchesSort<T extends ListQuery & Record<string, unknown>>() {
  return v.forward<T, v.CheckIssue<T>, ["cursor"]>(
    v.check((input) => !input.cursor || input.cursor.sort === input.sort.key, "cursor belongs to a different sort"),
    // `cursor` is a key of every ListQuery; valibot cannot prove that for a generic T.
    ["cursor"] as never,
  );
}

/** The query schema of a list endpoint without extra filters: validated `limit`, `cursor` and `sort`. */
export function listQuerySchema(options: ListQueryOptions) {
  return v.pipe(v.object(listQueryEntries(options)), cursorMatchesSort());
}

function qualified(column: string, alias: string | undefined): string {
  return alias ? `${alias}.${column}` : column;
}

/**
 * `(sort column, id) > (cursor value, cursor id)` (or `<` when descending), or `true` on the
 * first page. With `alias`, columns are qualified for queries that join.
 */
export function keysetCondition(sql: SqlTag, query: ListQuery, alias?: string): Fragment {
  if (!query.cursor) return sql`true`;
  const operator = query.sort.direction === "asc" ? sql`>` : sql`<`;
  return sql`(${sql(qualified(query.sort.column, alias))}, ${sql(qualified("id", alias))}) ${operator} (${query.cursor.value}, ${query.cursor.id})`;
}

/** `order by <column> <dir>, id <dir>`: the order keyset pagination relies on. */
export function orderByClause(sql: SqlTag, query: ListQuery, alias?: string): Fragment {
  const direction = query.sort.direction === "asc" ? sql`asc` : sql`desc`;
  return sql`order by ${sql(qualified(query.sort.column, alias))} ${direction}, ${sql(qualified("id", alias))} ${direction}`;
}

/** Selects the sort value as text into `_cursor`, so the next cursor keeps full precision. */
export function cursorSelect(sql: SqlTag, query: ListQuery, alias?: string): Fragment {
  return sql`${sql(qualified(query.sort.column, alias))}::text as ${sql(CURSOR_COLUMN)}`;
}

/** Joins conditions with `and`; skips undefined ones; `true` when none remain. */
export function and(sql: SqlTag, conditions: readonly (Fragment | undefined)[]): Fragment {
  const present = conditions.filter((condition): condition is Fragment => condition !== undefined);
  if (present.length === 0) return sql`true`;
  return present.slice(1).reduce((joined, condition) => sql`${joined} and ${condition}`, present[0]!);
}

/** `column = value`, or undefined (no filter) when the value is undefined. */
export function equals(
  sql: SqlTag,
  column: string,
  value: string | number | boolean | undefined,
  alias?: string,
): Fragment | undefined {
  return value === undefined ? undefined : sql`${sql(qualified(column, alias))} = ${value}`;
}

/** `column in (…values)`, or undefined when there are no values to filter by. */
export function oneOf(
  sql: SqlTag,
  column: string,
  values: readonly (string | number)[] | undefined,
  alias?: string,
): Fragment | undefined {
  if (!values || values.length === 0) return undefined;
  return sql`${sql(qualified(column, alias))} in ${sql(values as (string | number)[])}`;
}

/** A query-string filter of comma-separated values from a fixed set: `status=active,paused`. */
export function csvPicklist<const T extends string>(values: readonly T[], name: string) {
  return v.pipe(
    v.string(),
    v.transform((text) => text.split(",").map((part) => part.trim())),
    v.array(v.picklist(values, `${name} must be a comma-separated list of ${values.join(", ")}`)),
    v.minLength(1),
  );
}

/**
 * Turns `limit + 1` rows (each with `id` and `_cursor`) into a page: the first `limit` rows
 * without `_cursor`, and the next cursor when an extra row proved there is more.
 */
export function toPage<T extends { id: string; [CURSOR_COLUMN]: string | null }>(
  rows: readonly T[],
  query: ListQuery,
): Page<Omit<T, typeof CURSOR_COLUMN>> {
  const items = rows.slice(0, query.limit).map(({ [CURSOR_COLUMN]: _cursor, ...item }) => item);
  const last = rows[query.limit - 1];
  const more = rows.length > query.limit && last !== undefined;
  return {
    items,
    next_cursor:
      more && last[CURSOR_COLUMN] !== null
        ? encodeCursor({ sort: query.sort.key, value: last[CURSOR_COLUMN], id: last.id })
        : null,
  };
}

/** What `listPage` lists: a table, its filters and the validated query. */
export interface ListPageOptions {
  /** Table to list, e.g. `public.campaigns`. */
  table: string;
  /** Filters; the workspace filter belongs here even under RLS, so the index on it is used. */
  where: readonly (Fragment | undefined)[];
  query: ListQuery;
}

/**
 * Lists one page of `select *` from a table: filters, keyset condition, order and `limit + 1`.
 * Endpoints with joins or projections compose `keysetCondition`, `orderByClause`,
 * `cursorSelect` and `toPage` themselves.
 */
export async function listPage<Row extends { id: string }>(sql: SqlTag, options: ListPageOptions): Promise<Page<Row>> {
  const { query } = options;
  const rows = await sql<(Row & { [CURSOR_COLUMN]: string | null })[]>`
    select *, ${cursorSelect(sql, query)}
    from ${sql(options.table)}
    where ${and(sql, [...options.where, keysetCondition(sql, query)])}
    ${orderByClause(sql, query)}
    limit ${query.limit + 1}`;
  // toPage only removes `_cursor`, which Row never had.
  return toPage(rows, query) as unknown as Page<Row>;
}
