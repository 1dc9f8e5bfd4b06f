import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../../shared/app-env.ts";
import { requirePermission } from "../../../shared/auth/workspace-access.ts";
import { oneOf } from "../../../shared/db/pagination.ts";
import type { CompetitorsRow } from "../../../shared/db/rows.generated.ts";
import { validate } from "../../../shared/http/validate.ts";
import { workspaceRequest } from "../../workspaces/request.ts";
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from "../records.ts";
import { searchCondition } from "../search.ts";
import { competitors as kind } from "./kind.ts";
import {
  CompetitorParams,
  CreateCompetitorBody,
  ListCompetitorsQuery,
  SEARCHED,
  UpdateCompetitorBody,
} from "./schemas.ts";

const tags = ["intelligence"];
const notFound = { 404: { description: "No such record in this workspace" } };

/** Competitors the workspace tracks, with positioning, strengths, weaknesses and threat level. */
export const competitorsApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "Search competitors (q over name, description, positioning), filtered by threat level and status",
      responses: { 200: { description: "One page of competitors and the cursor of the next" } },
    }),
    requirePermission("intelligence:read"),
    validate("query", ListCompetitorsQuery),
    async (c) => {
      const request = workspaceRequest(c);
      const query = c.req.valid("query");
      const page = await request.run((tx) =>
        listRecords<CompetitorsRow>(
          tx,
          kind,
          request.workspaceId,
          [
            searchCondition(tx, SEARCHED, query.q),
            oneOf(tx, "threat_level", query.threat_level),
            oneOf(tx, "status", query.status),
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
      summary: "Track a competitor",
      responses: {
        201: { description: "The new competitor" },
        409: { description: "The workspace already tracks a competitor of this name" },
      },
    }),
    requirePermission("intelligence:write"),
    validate("json", CreateCompetitorBody),
    async (c) => {
      const request = workspaceRequest(c);
      const { record, event } = await request.run((tx) =>
        createRecord<CompetitorsRow>(tx, kind, request, c.req.valid("json")),
      );
      await request.publish([event]);
      return c.json(record, 201);
    },
  )
  .get(
    "/:competitorId",
    describeRoute({
      tags,
      summary: "Get one competitor",
      responses: { 200: { description: "The competitor" }, ...notFound },
    }),
    requirePermission("intelligence:read"),
    validate("param", CompetitorParams),
    async (c) => {
      const request = workspaceRequest(c);
      const { competitorId } = c.req.valid("param");
      const record = await request.run((tx) => getRecord<CompetitorsRow>(tx, kind, request.workspaceId, competitorId));
      return c.json(record);
    },
  )
  .patch(
    "/:competitorId",
    describeRoute({
      tags,
      summary: "Change a competitor",
      responses: { 200: { description: "The changed competitor" }, ...notFound },
    }),
    requirePermission("intelligence:write"),
    validate("param", CompetitorParams),
    validate("json", UpdateCompetitorBody),
    async (c) => {
      const request = workspaceRequest(c);
      const { competitorId } = c.req.valid("param");
      const { record, event } = await request.run((tx) =>
        updateRecord<CompetitorsRow>(tx, kind, request, competitorId, c.req.valid("json")),
      );
      await request.publish([event]);
      return c.json(record);
    },
  )
  .delete(
    "/:competitorId",
    describeRoute({
      tags,
      summary: "Stop tracking a competitor (its intelligence keeps, unlinked)",
      responses: { 204: { description: "Deleted" }, ...notFound },
    }),
    requirePermission("intelligence:write"),
    validate("param", CompetitorParams),
    async (c) => {
      const request = workspaceRequest(c);
      const { competitorId } = c.req.valid("param");
      const event = await request.run((tx) => deleteRecord(tx, kind, request, competitorId));
      await request.publish([event]);
      return c.body(null, 204);
    },
  );
