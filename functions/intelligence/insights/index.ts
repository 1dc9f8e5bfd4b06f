import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../../shared/app-env.ts";
import { requirePermission } from "../../../shared/auth/workspace-access.ts";
import { equals, oneOf } from "../../../shared/db/pagination.ts";
import { validate } from "../../../shared/http/validate.ts";
import { workspaceRequest } from "../../workspaces/request.ts";
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from "../records.ts";
import { searchCondition } from "../search.ts";
import { customerInsights as kind } from "./kind.ts";
import {
  CreateInsightBody,
  type CustomerInsightRecord,
  InsightParams,
  ListInsightsQuery,
  SEARCHED,
  UpdateInsightBody,
} from "./schemas.ts";

const tags = ["intelligence"];
const notFound = { 404: { description: "No such record in this workspace" } };

/** Customer insights: pain points, motivations, objections, tied to cohorts or campaigns. */
export const insightsApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "Search customer insights (q over title and insight), filtered by type, cohort, campaign",
      responses: { 200: { description: "One page of insights and the cursor of the next" } },
    }),
    requirePermission("intelligence:read"),
    validate("query", ListInsightsQuery),
    async (c) => {
      const request = workspaceRequest(c);
      const query = c.req.valid("query");
      const page = await request.run((tx) =>
        listRecords<CustomerInsightRecord>(
          tx,
          kind,
          request.workspaceId,
          [
            searchCondition(tx, SEARCHED, query.q),
            oneOf(tx, "insight_type", query.insight_type),
            equals(tx, "cohort_id", query.cohort_id),
            equals(tx, "campaign_id", query.campaign_id),
          ],
          query,
        ),
      );
      return c.json(page);
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Record a customer insight",
      responses: {
        201: { description: "The new insight" },
        422: { description: "cohort_id or campaign_id names no record of this workspace" },
      },
    }),
    requirePermission("intelligence:write"),
    validate("json", CreateInsightBody),
    async (c) => {
      const request = workspaceRequest(c);
      const { record, event } = await request.run((tx) =>
        createRecord<CustomerInsightRecord>(tx, kind, request, c.req.valid("json")),
      );
      await request.publish([event]);
      return c.json(record, 201);
    },
  )
  .get(
    "/:insightId",
    describeRoute({
      tags,
      summary: "Get one customer insight",
      responses: { 200: { description: "The insight" }, ...notFound },
    }),
    requirePermission("intelligence:read"),
    validate("param", InsightParams),
    async (c) => {
      const request = workspaceRequest(c);
      const { insightId } = c.req.valid("param");
      const record = await request.run((tx) =>
        getRecord<CustomerInsightRecord>(tx, kind, request.workspaceId, insightId),
      );
      return c.json(record);
    },
  )
  .patch(
    "/:insightId",
    describeRoute({
      tags,
      summary: "Change a customer insight",
      responses: { 200: { description: "The changed insight" }, ...notFound },
    }),
    requirePermission("intelligence:write"),
    validate("param", InsightParams),
    validate("json", UpdateInsightBody),
    async (c) => {
      const request = workspaceRequest(c);
      const { insightId } = c.req.valid("param");
      const { record, event } = await request.run((tx) =>
        updateRecord<CustomerInsightRecord>(tx, kind, request, insightId, c.req.valid("json")),
      );
      await request.publish([event]);
      return c.json(record);
    },
  )
  .delete(
    "/:insightId",
    describeRoute({
      tags,
      summary: "Delete a customer insight",
      responses: { 204: { description: "Deleted" }, ...notFound },
    }),
    requirePermission("intelligence:write"),
    validate("param", InsightParams),
    async (c) => {
      const request = workspaceRequest(c);
      const { insightId } = c.req.valid("param");
      const event = await request.run((tx) => deleteRecord(tx, kind, request, insightId));
      await request.publish([event]);
      return c.body(null, 204);
    },
  );
