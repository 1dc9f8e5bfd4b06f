import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { readAs, requestScope, writeAs } from "../../shared/http/request-scope.ts";
import {
  created,
  type DataResponse,
  ERROR_RESPONSES,
  listResponse,
  workspacePath,
} from "../../shared/http/responses.ts";
import { validate } from "../../shared/http/validate.ts";
import { loadCampaignDetail } from "./context.ts";
import { createCampaign } from "./create.ts";
import { transitionCampaign } from "./lifecycle.ts";
import { listCampaigns } from "./list.ts";
import {
  CampaignParam,
  CreateCampaignBody,
  ListCampaignsQuery,
  TransitionBody,
  UpdateCampaignBody,
} from "./schemas.ts";
import { type CampaignDetail, toCampaign } from "./serialize.ts";
import { findCampaign } from "./store.ts";
import { patchCampaign } from "./update.ts";

export type { Campaign, CampaignDetail, TargetCohort } from "./serialize.ts";

const tags = ["campaigns"];
const notFound = () => ApiError.notFound("Campaign not found", "CAMPAIGN_NOT_FOUND");
const conflict = { 409: { description: "The campaign is archived, or the transition is not allowed" } };

/**
 * Campaigns of a workspace: list, create, full context, update, lifecycle transitions and
 * archive. Mounted at `/api/workspaces/:workspaceId/campaigns`; there is no DELETE — archiving
 * (`POST /:campaignId/archive`) keeps the history its moves, quests and events refer to.
 */
export const campaignsApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List campaigns (filter by status, objective_type, q, date range; sort; cursor)",
      responses: { 200: { description: "`{ data: Campaign[], next_cursor }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("campaigns:read"),
    validate("query", ListCampaignsQuery),
    async (c) => {
      const scope = requestScope(c);
      const page = await readAs(scope, (tx) => listCampaigns(tx, scope.workspaceId, c.req.valid("query")));
      return c.json(listResponse(page, toCampaign));
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Create a campaign (in planning) with its positioning and target cohorts",
      responses: {
        201: { description: "`{ data: CampaignDetail }`, `Location` names it" },
        ...ERROR_RESPONSES,
        422: { description: "A referenced positioning, cohort or owner is not in this workspace" },
      },
    }),
    requirePermission("campaigns:write"),
    validate("json", CreateCampaignBody),
    async (c) => {
      const scope = requestScope(c);
      const detail = await writeAs(scope, async (tx, emit) =>
        loadCampaignDetail(tx, await createCampaign(tx, emit, scope, c.req.valid("json"))),
      );
      return created(c, workspacePath(c, "campaigns", detail.id), detail);
    },
  )
  .get(
    "/:campaignId",
    describeRoute({
      tags,
      summary: "Get a campaign with positioning, message architecture, cohorts, quests and war briefs",
      responses: { 200: { description: "`{ data: CampaignDetail }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("campaigns:read"),
    validate("param", CampaignParam),
    async (c) => {
      const scope = requestScope(c);
      const detail = await readAs(scope, async (tx) => {
        const campaign = await findCampaign(tx, scope.workspaceId, c.req.valid("param").campaignId);
        return campaign ? loadCampaignDetail(tx, campaign) : undefined;
      });
      if (!detail) throw notFound();
      return c.json<DataResponse<CampaignDetail>>({ data: detail });
    },
  )
  .patch(
    "/:campaignId",
    describeRoute({
      tags,
      summary: "Update a campaign's fields or target cohorts (status changes use transitions)",
      responses: { 200: { description: "`{ data: CampaignDetail }`" }, ...ERROR_RESPONSES, ...conflict },
    }),
    requirePermission("campaigns:write"),
    validate("param", CampaignParam),
    validate("json", UpdateCampaignBody),
    async (c) => {
      const scope = requestScope(c);
      const { campaignId } = c.req.valid("param");
      const detail = await writeAs(scope, async (tx, emit) => {
        const campaign = await patchCampaign(tx, emit, scope.workspaceId, campaignId, c.req.valid("json"));
        return campaign ? loadCampaignDetail(tx, campaign) : undefined;
      });
      if (!detail) throw notFound();
      return c.json<DataResponse<CampaignDetail>>({ data: detail });
    },
  )
  .post(
    "/:campaignId/transitions",
    describeRoute({
      tags,
      summary: "Move a campaign through planning → approved → active ⇄ paused → completed",
      responses: {
        200: { description: "`{ data: CampaignDetail }` in its new status" },
        ...ERROR_RESPONSES,
        409: { description: "Not allowed from the current status; the message names the allowed next states" },
      },
    }),
    requirePermission("campaigns:write"),
    validate("param", CampaignParam),
    validate("json", TransitionBody),
    async (c) => {
      const scope = requestScope(c);
      const { campaignId } = c.req.valid("param");
      const { to } = c.req.valid("json");
      const detail = await writeAs(scope, async (tx, emit) => {
        const campaign = await transitionCampaign(tx, emit, scope.workspaceId, campaignId, to);
        return campaign ? loadCampaignDetail(tx, campaign) : undefined;
      });
      if (!detail) throw notFound();
      return c.json<DataResponse<CampaignDetail>>({ data: detail });
    },
  )
  .post(
    "/:campaignId/archive",
    describeRoute({
      tags,
      summary: "Archive a campaign (not while active): it and everything under it become read-only",
      responses: {
        200: { description: "`{ data: CampaignDetail }`, archived" },
        ...ERROR_RESPONSES,
        409: { description: "Already archived, or active (pause or complete it first)" },
      },
    }),
    requirePermission("campaigns:write"),
    validate("param", CampaignParam),
    async (c) => {
      const scope = requestScope(c);
      const { campaignId } = c.req.valid("param");
      const detail = await writeAs(scope, async (tx, emit) => {
        const campaign = await transitionCampaign(tx, emit, scope.workspaceId, campaignId, "archived");
        return campaign ? loadCampaignDetail(tx, campaign) : undefined;
      });
      if (!detail) throw notFound();
      return c.json<DataResponse<CampaignDetail>>({ data: detail });
    },
  );
