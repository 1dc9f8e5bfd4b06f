import { type Context, Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { validate } from "../../shared/http/validate.ts";
import { workspaceRequest } from "../workspaces/request.ts";
import type { AlertAction } from "./lifecycle.ts";
import { createAlert, getAlert, listAlerts, transitionAlert } from "./queries.ts";
import { AlertParams, CreateAlertBody, ListAlertsQuery } from "./schemas.ts";

const tags = ["alerts"];

const transitionResponses = {
  200: { description: "The alert in its new status" },
  404: { description: "No such alert in this workspace" },
  409: { description: "The alert's status does not allow this (e.g. already resolved)" },
};

/** Alert management: list and filter, raise, acknowledge, resolve. */
export const alertsApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List alerts, newest first, filtered by severity, status and type",
      responses: { 200: { description: "One page of alerts and the cursor of the next" } },
    }),
    requirePermission("alerts:read"),
    validate("query", ListAlertsQuery),
    async (c) => {
      const request = workspaceRequest(c);
      const page = await request.run((tx) => listAlerts(tx, request.workspaceId, c.req.valid("query")));
      return c.json(page);
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Raise an alert",
      responses: { 201: { description: "The new, open alert" } },
    }),
    requirePermission("alerts:manage"),
    validate("json", CreateAlertBody),
    async (c) => {
      const request = workspaceRequest(c);
      const { alert, event } = await request.run((tx) => createAlert(tx, request, c.req.valid("json")));
      await request.publish([event]);
      return c.json(alert, 201);
    },
  )
  .get(
    "/:alertId",
    describeRoute({
      tags,
      summary: "Get one alert",
      responses: { 200: { description: "The alert" }, 404: { description: "No such alert in this workspace" } },
    }),
    requirePermission("alerts:read"),
    validate("param", AlertParams),
    async (c) => {
      const request = workspaceRequest(c);
      const alert = await request.run((tx) => getAlert(tx, request.workspaceId, c.req.valid("param").alertId));
      return c.json(alert);
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
  const request = workspaceRequest(c);
  const { alert, event } = await request.run((tx) => transitionAlert(tx, request, alertId, action));
  await request.publish([event]);
  return c.json(alert);
}
