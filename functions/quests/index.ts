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
import { chaptersApp } from "./chapter-routes.ts";
import { CreateQuestBody, ListQuestsQuery, QuestParam, UpdateQuestBody } from "./schemas.ts";
import { type QuestWithChapters, toQuest } from "./serialize.ts";
import { createQuest, deleteQuest, findQuest, listQuests, patchQuest, withChapters } from "./store.ts";

export type { Quest, QuestChapter, QuestWithChapters } from "./serialize.ts";

const tags = ["quests"];
const notFound = () => ApiError.notFound("Quest not found", "QUEST_NOT_FOUND");
const archived = { 409: { description: "The quest's campaign is archived" } };

/**
 * Quests — gamified campaign milestones with chapters and success metrics — mounted at
 * `/api/workspaces/:workspaceId/quests`, chapters under `/quests/:questId/chapters`. Progress
 * is computed from the success metrics on every read.
 */
export const questsApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List quests (filter by campaign_id, status; sort; cursor)",
      responses: { 200: { description: "`{ data: Quest[], next_cursor }` (without chapters)" }, ...ERROR_RESPONSES },
    }),
    requirePermission("campaigns:read"),
    validate("query", ListQuestsQuery),
    async (c) => {
      const scope = requestScope(c);
      const page = await readAs(scope, (tx) => listQuests(tx, scope.workspaceId, c.req.valid("query")));
      return c.json(listResponse(page, toQuest));
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Create a quest for a campaign, with its chapters and success metrics",
      responses: {
        201: { description: "`{ data: QuestWithChapters }`, `Location` names it" },
        ...ERROR_RESPONSES,
        ...archived,
        422: { description: "campaign_id names no campaign in this workspace" },
      },
    }),
    requirePermission("campaigns:write"),
    validate("json", CreateQuestBody),
    async (c) => {
      const scope = requestScope(c);
      const quest = await writeAs(scope, async (tx, emit) =>
        withChapters(tx, await createQuest(tx, emit, scope, c.req.valid("json"))),
      );
      return created(c, workspacePath(c, "quests", quest.id), quest);
    },
  )
  .get(
    "/:questId",
    describeRoute({
      tags,
      summary: "Get a quest with its chapters and progress",
      responses: { 200: { description: "`{ data: QuestWithChapters }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("campaigns:read"),
    validate("param", QuestParam),
    async (c) => {
      const scope = requestScope(c);
      const quest = await readAs(scope, async (tx) => {
        const row = await findQuest(tx, scope.workspaceId, c.req.valid("param").questId);
        return row ? withChapters(tx, row) : undefined;
      });
      if (!quest) throw notFound();
      return c.json<DataResponse<QuestWithChapters>>({ data: quest });
    },
  )
  .patch(
    "/:questId",
    describeRoute({
      tags,
      summary: "Update a quest (success_metrics replaces the whole list)",
      responses: { 200: { description: "`{ data: QuestWithChapters }`" }, ...ERROR_RESPONSES, ...archived },
    }),
    requirePermission("campaigns:write"),
    validate("param", QuestParam),
    validate("json", UpdateQuestBody),
    async (c) => {
      const scope = requestScope(c);
      const { questId } = c.req.valid("param");
      const quest = await writeAs(scope, async (tx, emit) => {
        const row = await patchQuest(tx, emit, scope.workspaceId, questId, c.req.valid("json"));
        return row ? withChapters(tx, row) : undefined;
      });
      if (!quest) throw notFound();
      return c.json<DataResponse<QuestWithChapters>>({ data: quest });
    },
  )
  .delete(
    "/:questId",
    describeRoute({
      tags,
      summary: "Delete a quest and its chapters",
      responses: { 204: { description: "Deleted" }, ...ERROR_RESPONSES, ...archived },
    }),
    requirePermission("campaigns:write"),
    validate("param", QuestParam),
    async (c) => {
      const scope = requestScope(c);
      const { questId } = c.req.valid("param");
      const deleted = await writeAs(scope, (tx, emit) => deleteQuest(tx, emit, scope.workspaceId, questId));
      if (!deleted) throw notFound();
      return c.body(null, 204);
    },
  )
  .route("/:questId/chapters", chaptersApp);
