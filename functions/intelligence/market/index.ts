import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../../shared/app-env.ts";
import { requirePermission } from "../../../shared/auth/workspace-access.ts";
import { equals, oneOf } from "../../../shared/db/pagination.ts";
import { validate } from "../../../shared/http/validate.ts";
import { workspaceRequest } from "../../workspaces/request.ts";
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from "../records.ts";
import { searchCondition } from "../search.ts";
import { marketIntelligence as kind } from "./kind.ts";
import {
  CreateMarketIntelligenceBody,
  ListMarketIntelligenceQuery,
  MarketIntelligenceParams,
  type MarketIntelligenceRecord,
  SEARCHED,
  UpdateMarketIntelligenceBody,
} from "./schemas.ts";

const tags = ["intelligence"];
const notFound = { 404: { description: "No such record in this workspace" } };

/** Market intelligence: gathered signals with impact and relevance scores. */
export const marketApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "Search market intelligence (q over title and summary), filtered by type, threat, competitor, campaign",
      responses: { 200: { description: "One page of records and the cursor of the next" } },
    }),
    requirePermission("intelligence:read"),
    validate("query", ListMarketIntelligenceQuery),
    async (c) => {
      const request = workspaceRequest(c);
      const query = c.req.valid("query");
      const page = await request.run((tx) =>
        listRecords<MarketIntelligenceRecord>(
          tx,
          kind,
          request.workspaceId,
          [
            searchCondition(tx, SEARCHED, query.q),
            oneOf(tx, "intelligence_type", query.intelligence_type),
            oneOf(tx, "threat_level", query.threat_level),
            equals(tx, "competitor_id", query.competitor_id),
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
      summary: "Record market intelligence",
      responses: {
        201: { description: "The new record" },
        422: { description: "competitor_id or campaign_id names no record of this workspace" },
      },
    }),
    requirePermission("intelligence:write"),
    validate("json", CreateMarketIntelligenceBody),
    async (c) => {
      const request = workspaceRequest(c);
      const { record, event } = await request.run((tx) =>
        createRecord<MarketIntelligenceRecord>(tx, kind, request, c.req.valid("json")),
      );
      await request.publish([event]);
      return c.json(record, 201);
    },
  )
  .get(
    "/:intelligenceId",
    describeRoute({
      tags,
      summary: "Get one market intelligence record",
      responses: { 200: { description: "The record" }, ...notFound },
    }),
    requirePermission("intelligence:read"),
    validate("param", MarketIntelligenceParams),
    async (c) => {
      const request = workspaceRequest(c);
      const { intelligenceId } = c.req.valid("param");
      const record = await request.run((tx) =>
        getRecord<MarketIntelligenceRecord>(tx, kind, request.workspaceId, intelligenceId),
      );
      return c.json(record);
    },
  )
  .patch(
    "/:intelligenceId",
    describeRoute({
      tags,
      summary: "Change a market intelligence record",
      responses: { 200: { description: "The changed record" }, ...notFound },
    }),
    requirePermission("intelligence:write"),
    validate("param", MarketIntelligenceParams),
    validate("json", UpdateMarketIntelligenceBody),
    async (c) => {
      const request = workspaceRequest(c);
      const { intelligenceId } = c.req.valid("param");
      const { record, event } = await request.run((tx) =>
        updateRecord<MarketIntelligenceRecord>(tx, kind, request, intelligenceId, c.req.valid("json")),
      );
      await request.publish([event]);
      return c.json(record);
    },
  )
  .delete(
    "/:intelligenceId",
    describeRoute({
      tags,
      summary: "Delete a market intelligence record",
      responses: { 204: { description: "Deleted" }, ...notFound },
    }),
    requirePermission("intelligence:write"),
    validate("param", MarketIntelligenceParams),
    async (c) => {
      const request = workspaceRequest(c);
      const { intelligenceId } = c.req.valid("param");
      const event = await request.run((tx) => deleteRecord(tx, kind, request, intelligenceId));
      await request.publish([event]);
      return c.body(null, 204);
    },
  );
