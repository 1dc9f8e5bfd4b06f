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
import { AchievementParam, CreateAchievementBody, ListAchievementsQuery, UpdateAchievementBody } from "./schemas.ts";
import { type Achievement, toAchievement } from "./serialize.ts";
import { createAchievement, deleteAchievement, findAchievement, listAchievements, patchAchievement } from "./store.ts";

export type { Achievement } from "./serialize.ts";

const tags = ["achievements"];
const notFound = () => ApiError.notFound("Achievement not found", "ACHIEVEMENT_NOT_FOUND");
const archived = { 409: { description: "The achievement's campaign is archived" } };

/**
 * Achievements — milestones and metric targets of the workspace, a campaign or a move — mounted at
 * `/api/workspaces/:workspaceId/achievements`. A metric target unlocks itself when its current
 * value reaches the target.
 */
export const achievementsApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List achievements (filter by campaign_id, move_id, status, achievement_type; sort; cursor)",
      responses: { 200: { description: "`{ data: Achievement[], next_cursor }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("campaigns:read"),
    validate("query", ListAchievementsQuery),
    async (c) => {
      const scope = requestScope(c);
      const page = await readAs(scope, (tx) => listAchievements(tx, scope.workspaceId, c.req.valid("query")));
      return c.json(listResponse(page, toAchievement));
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Create an achievement",
      responses: {
        201: { description: "`{ data: Achievement }`, `Location` names it" },
        ...ERROR_RESPONSES,
        ...archived,
        422: { description: "campaign_id or move_id names nothing in this workspace, or they disagree" },
      },
    }),
    requirePermission("campaigns:write"),
    validate("json", CreateAchievementBody),
    async (c) => {
      const scope = requestScope(c);
      const row = await writeAs(scope, (tx, emit) => createAchievement(tx, emit, scope, c.req.valid("json")));
      return created(c, workspacePath(c, "achievements", row.id), toAchievement(row));
    },
  )
  .get(
    "/:achievementId",
    describeRoute({
      tags,
      summary: "Get an achievement",
      responses: { 200: { description: "`{ data: Achievement }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("campaigns:read"),
    validate("param", AchievementParam),
    async (c) => {
      const scope = requestScope(c);
      const { achievementId } = c.req.valid("param");
      const row = await readAs(scope, (tx) => findAchievement(tx, scope.workspaceId, achievementId));
      if (!row) throw notFound();
      return c.json<DataResponse<Achievement>>({ data: toAchievement(row) });
    },
  )
  .patch(
    "/:achievementId",
    describeRoute({
      tags,
      summary: "Update an achievement's progress, status or details",
      responses: { 200: { description: "`{ data: Achievement }`" }, ...ERROR_RESPONSES, ...archived },
    }),
    requirePermission("campaigns:write"),
    validate("param", AchievementParam),
    validate("json", UpdateAchievementBody),
    async (c) => {
      const scope = requestScope(c);
      const { achievementId } = c.req.valid("param");
      const row = await writeAs(scope, (tx, emit) =>
        patchAchievement(tx, emit, scope.workspaceId, achievementId, c.req.valid("json")),
      );
      if (!row) throw notFound();
      return c.json<DataResponse<Achievement>>({ data: toAchievement(row) });
    },
  )
  .delete(
    "/:achievementId",
    describeRoute({
      tags,
      summary: "Delete an achievement",
      responses: { 204: { description: "Deleted" }, ...ERROR_RESPONSES, ...archived },
    }),
    requirePermission("campaigns:write"),
    validate("param", AchievementParam),
    async (c) => {
      const scope = requestScope(c);
      const { achievementId } = c.req.valid("param");
      const deleted = await writeAs(scope, (tx, emit) => deleteAchievement(tx, emit, scope.workspaceId, achievementId));
      if (!deleted) throw notFound();
      return c.body(null, 204);
    },
  );
