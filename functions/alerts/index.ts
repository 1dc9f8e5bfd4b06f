import { type Context, Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import type { AlertsRow } from "../../shared/db/rows.generated.ts";
import { readAs, requestScope, writeAs } from "../../shared/http/request-scope.ts";
import {
  created,
  type DataResponse,
  ERROR_RESPONSES,
  listResponse,
  workspacePath,
} from "../../shared/http/responses.ts";
import { validate } from "../../shared/http/validate.ts";
import type { AlertAction } from "./lifecycle.ts";
import { createAlert, getAlert, listAlerts, transitionAlert } from "./queries.ts";
import { AlertParams, CreateAlertBody, ListAlertsQuery } from "./schemas.ts";

export type { Alert, AlertListResponse, AlertResponse } from "./schemas.ts";

const tags = ["alerts"];

const transitionResponses = {
  200: { description: "`{ data: Alert }` in its new status" },
  ...ERROR_RESPONSES,
  409: { description: "The alert's status does not allow this (e.g. already resolved)" },
};

/** Alert management: list and filter, raise, acknowledge, resolve. */
export const alertsApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List alerts, newest first, filtered by severity, status and type",
      responses: { 200: { description: "`{ data: Alert[], next_cursor }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("alerts:read"),
    validate("query", ListAlertsQuery),
    async (c) => {
      const scope = requestScope(c);
      const page = await readAs(scope, (tx) => listAlerts(tx, scope.workspaceId, c.req.valid("query")));
      return c.json(listResponse(page));
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Raise an alert",
      responses: { 201: { description: "`{ data: Alert }`, open; `Location` names it" }, ...ERROR_RESPONSES },
    }),
    requirePermission("alerts:manage"),
    validate("json", CreateAlertBody),
    async (c) => {
      const scope = requestScope(c);
      const alert = await writeAs(scope, (tx, emit) => createAlert(tx, emit, scope.workspaceId, c.req.valid("json")));
      return created(c, workspacePath(c, "alerts", alert.id), alert);
    },
  )
  .get(
    "/:alertId",
    describeRoute({
      tags,
      summary: "Get one alert",
      responses: { 200: { description: "`{ data: Alert }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("alerts:read"),
    validate("param", AlertParams),
    async (c) => {
      const scope = requestScope(c);
      const alert = await readAs(scope, (tx) => getAlert(tx, scope.workspaceId, c.req.valid("param").alertId));
      return c.json<DataResponse<AlertsRow>>({ data: alert });
    },
  )
  .post(
    "/:alertId/acknowledge",
    describeRoute({ tags, summary: "Acknowledge an open alert", responses: transitionResponses }),
    requirePermission("alerts:manage"),
    validate("param", AlertParams),
    (c) => transition(c, c.req.valid("param").alertId, "acknowledge"),
  )
  .post(
    "/:alertId/resolve",
    describeRoute({ tags, summary: "Resolve an open or acknowledged alert", responses: transitionResponses }),
    requirePermission("alerts:manage"),
    validate("param", AlertParams),
    (c) => transition(c, c.req.valid("param").alertId, "resolve"),
  );

async function transition(c: Context<AppEnv>, alertId: string, action: AlertAction) {
  const scope = requestScope(c);
  const alert = await writeAs(scope, (tx, emit) => transitionAlert(tx, emit, scope, alertId, action));
  return c.json<DataResponse<AlertsRow>>({ data: alert });
}
