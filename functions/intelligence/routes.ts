import { type Context, Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type * as v from "valibot";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import type { Tx } from "../../shared/db/database.ts";
import type { Fragment, ListQuery } from "../../shared/db/pagination.ts";
import { idParam } from "../../shared/http/fields.ts";
import { readAs, requestScope, writeAs } from "../../shared/http/request-scope.ts";
import {
  created,
  type DataResponse,
  ERROR_RESPONSES,
  listResponse,
  workspacePath,
} from "../../shared/http/responses.ts";
import { validate } from "../../shared/http/validate.ts";
import { createRecord, deleteRecord, getRecord, listRecords, type RecordKind, updateRecord } from "./records.ts";

/** One intelligence resource: its table, path, schemas, list filters and how the docs name it. */
export interface RecordRoutes<Query extends ListQuery> {
  kind: RecordKind;
  /** The path segment under `/intelligence`, e.g. `competitors`. */
  segment: string;
  /** The path parameter naming one record, e.g. `competitorId`. */
  param: string;
  query: v.GenericSchema<unknown, Query>;
  create: v.GenericSchema<unknown, Record<string, unknown>>;
  update: v.GenericSchema<unknown, Record<string, unknown>>;
  /** The list's filters besides the workspace, from the validated query. */
  filters: (tx: Tx, query: Query) => (Fragment | undefined)[];
  docs: {
    /** The response type's name, e.g. `Competitor`. */
    type: string;
    list: string;
    create: string;
    get: string;
    update: string;
    delete: string;
    /** Answers a write can give besides validation: a duplicate name, a reference to another workspace. */
    writeErrors?: Record<number, { description: string }>;
  };
}

/**
 * List, create, get, update and delete of one intelligence table: every read runs as the
 * caller under RLS, every write records its event in the same transaction.
 */
export function recordRoutes<Row extends { id: string }, Query extends ListQuery>(routes: RecordRoutes<Query>) {
  const { kind, docs } = routes;
  const tags = ["intelligence"];
  const one = `/:${routes.param}`;
  const params = idParam(routes.param);
  const idOf = (c: Context<AppEnv>) => c.req.param(routes.param) as string;
  const item = `\`{ data: ${docs.type} }\``;
  const writeErrors = { ...ERROR_RESPONSES, ...docs.writeErrors };

  return new Hono<AppEnv>()
    .get(
      "/",
      describeRoute({
        tags,
        summary: docs.list,
        responses: { 200: { description: `\`{ data: ${docs.type}[], next_cursor }\`` }, ...ERROR_RESPONSES },
      }),
      requirePermission("intelligence:read"),
      validate("query", routes.query),
      async (c) => {
        const scope = requestScope(c);
        const query = c.req.valid("query") as Query;
        const page = await readAs(scope, (tx) =>
          listRecords<Row>(tx, kind, scope.workspaceId, routes.filters(tx, query), query),
        );
        return c.json(listResponse(page));
      },
    )
    .post(
      "/",
      describeRoute({
        tags,
        summary: docs.create,
        responses: { 201: { description: `${item}; \`Location\` names it` }, ...writeErrors },
      }),
      requirePermission("intelligence:write"),
      validate("json", routes.create),
      async (c) => {
        const scope = requestScope(c);
        const body = c.req.valid("json") as Record<string, unknown>;
        const record = await writeAs(scope, (tx, emit) => createRecord<Row>(tx, emit, kind, scope, body));
        return created(c, workspacePath(c, "intelligence", routes.segment, record.id), record);
      },
    )
    .get(
      one,
      describeRoute({ tags, summary: docs.get, responses: { 200: { description: item }, ...ERROR_RESPONSES } }),
      requirePermission("intelligence:read"),
      validate("param", params),
      async (c) => {
        const scope = requestScope(c);
        const record = await readAs(scope, (tx) => getRecord<Row>(tx, kind, scope.workspaceId, idOf(c)));
        return c.json<DataResponse<Row>>({ data: record });
      },
    )
    .patch(
      one,
      describeRoute({ tags, summary: docs.update, responses: { 200: { description: item }, ...writeErrors } }),
      requirePermission("intelligence:write"),
      validate("param", params),
      validate("json", routes.update),
      async (c) => {
        const scope = requestScope(c);
        const body = c.req.valid("json") as Record<string, unknown>;
        const record = await writeAs(scope, (tx, emit) =>
          updateRecord<Row>(tx, emit, kind, scope.workspaceId, idOf(c), body),
        );
        return c.json<DataResponse<Row>>({ data: record });
      },
    )
    .delete(
      one,
      describeRoute({ tags, summary: docs.delete, responses: { 204: { description: "Deleted" }, ...ERROR_RESPONSES } }),
      requirePermission("intelligence:write"),
      validate("param", params),
      async (c) => {
        const scope = requestScope(c);
        await writeAs(scope, (tx, emit) => deleteRecord(tx, emit, kind, scope.workspaceId, idOf(c)));
        return c.body(null, 204);
      },
    );
}
