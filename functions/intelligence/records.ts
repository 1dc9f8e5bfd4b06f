import type postgres from "postgres";
import type { Tx } from "../../shared/db/database.ts";
import {
  and,
  CURSOR_COLUMN,
  cursorSelect,
  type Fragment,
  keysetCondition,
  type ListQuery,
  orderByClause,
  type Page,
  toPage,
} from "../../shared/db/pagination.ts";
import type { EventType } from "../../shared/events/catalogue.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import type { Emit, RequestScope } from "../../shared/http/request-scope.ts";
import { translatingWriteErrors } from "./write-errors.ts";

/** How one intelligence table is read and written. */
export interface RecordKind {
  /** Qualified table, e.g. `public.competitors`. */
  table: string;
  /** The select list: numeric columns cast to float8 so they reach JSON as numbers. */
  columns: (tx: Tx) => Fragment;
  /** Columns holding jsonb, bound with `tx.json` (a JS array would otherwise bind as a Postgres array). */
  jsonColumns: readonly string[];
  /** The column events quote as the record's label. */
  labelColumn: string;
  /** The id key in event payloads, e.g. `competitor_id`. */
  idKey: string;
  notFound: { message: string; code: string };
  events: { created: EventType; updated: EventType; deleted: EventType };
}

type Values = Record<string, unknown>;

/** Drops absent fields and binds jsonb ones as JSON. */
function bindable(tx: Tx, kind: RecordKind, values: Values): Record<string, postgres.ParameterOrJSON<never>> {
  const out: Record<string, postgres.ParameterOrJSON<never>> = {};
  for (const [column, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out[column] = (
      kind.jsonColumns.includes(column) ? tx.json(value as postgres.JSONValue) : value
    ) as postgres.ParameterOrJSON<never>;
  }
  return out;
}

/** Emits a record's event: its id and label, and for updates the fields that changed. */
function emitFor(emit: Emit, kind: RecordKind, type: EventType, written: object, changed?: string[]) {
  // Every kind selects `id` and its label column.
  const row = written as Values;
  return emit(type, {
    [kind.idKey]: row.id,
    [kind.labelColumn]: row[kind.labelColumn],
    ...(changed ? { changed } : {}),
  });
}

/** One page of a workspace's records matching `where`, in the query's keyset order. */
export async function listRecords<Row extends { id: string }>(
  tx: Tx,
  kind: RecordKind,
  workspaceId: string,
  where: readonly (Fragment | undefined)[],
  query: ListQuery,
): Promise<Page<Row>> {
  const rows = await tx<(Row & { [CURSOR_COLUMN]: string | null })[]>`
    select ${kind.columns(tx)}, ${cursorSelect(tx, query)}
    from ${tx(kind.table)}
    where ${and(tx, [tx`workspace_id = ${workspaceId}`, ...where, keysetCondition(tx, query)])}
    ${orderByClause(tx, query)}
    limit ${query.limit + 1}`;
  return toPage(rows, query) as unknown as Page<Row>;
}

/** One record of the workspace; 404 when it does not exist or the caller cannot see it. */
export async function getRecord<Row extends object>(
  tx: Tx,
  kind: RecordKind,
  workspaceId: string,
  id: string,
): Promise<Row> {
  const [row] = await tx<Row[]>`
    select ${kind.columns(tx)} from ${tx(kind.table)} where id = ${id} and workspace_id = ${workspaceId}`;
  if (!row) throw ApiError.notFound(kind.notFound.message, kind.notFound.code);
  return row;
}

/** Inserts a record owned by the workspace and the caller, with its `*.created` event. */
export async function createRecord<Row extends { id: string }>(
  tx: Tx,
  emit: Emit,
  kind: RecordKind,
  scope: Pick<RequestScope, "workspaceId" | "actorId">,
  values: Values,
): Promise<Row> {
  const row = bindable(tx, kind, { ...values, workspace_id: scope.workspaceId, created_by: scope.actorId });
  const [created] = await translatingWriteErrors(
    () => tx<Row[]>`insert into ${tx(kind.table)} ${tx(row)} returning ${kind.columns(tx)}`,
  );
  if (!created) throw new Error(`${kind.table} insert returned no row`);
  await emitFor(emit, kind, kind.events.created, created);
  return created;
}

/** Changes the given fields of a record, with its `*.updated` event naming them. */
export async function updateRecord<Row extends { id: string }>(
  tx: Tx,
  emit: Emit,
  kind: RecordKind,
  workspaceId: string,
  id: string,
  values: Values,
): Promise<Row> {
  const changes = bindable(tx, kind, values);
  const [updated] = await translatingWriteErrors(
    () => tx<Row[]>`
      update ${tx(kind.table)} set ${tx(changes)}
      where id = ${id} and workspace_id = ${workspaceId}
      returning ${kind.columns(tx)}`,
  );
  if (!updated) throw ApiError.notFound(kind.notFound.message, kind.notFound.code);
  await emitFor(emit, kind, kind.events.updated, updated, Object.keys(changes));
  return updated;
}

/** Deletes a record, with its `*.deleted` event. */
export async function deleteRecord(
  tx: Tx,
  emit: Emit,
  kind: RecordKind,
  workspaceId: string,
  id: string,
): Promise<void> {
  const [deleted] = await tx<Values[]>`
    delete from ${tx(kind.table)} where id = ${id} and workspace_id = ${workspaceId}
    returning id, ${tx(kind.labelColumn)}`;
  if (!deleted) throw ApiError.notFound(kind.notFound.message, kind.notFound.code);
  await emitFor(emit, kind, kind.events.deleted, deleted);
}
