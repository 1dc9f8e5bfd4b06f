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
import {
  addChapter,
  deleteChapter,
  findChapter,
  listChapters,
  patchChapter,
  questForChapterWrite,
} from "./chapters.ts";
import { ChapterParams, CreateChapterBody, ListChaptersQuery, QuestParam, UpdateChapterBody } from "./schemas.ts";
import { type QuestChapter, toChapter } from "./serialize.ts";
import { findQuest } from "./store.ts";

const tags = ["quests"];
const questNotFound = () => ApiError.notFound("Quest not found", "QUEST_NOT_FOUND");
const chapterNotFound = () => ApiError.notFound("Chapter not found", "CHAPTER_NOT_FOUND");
const conflicts = { 409: { description: "The campaign is archived, or the position is taken" } };

/** A quest's chapters, mounted under `/quests/:questId/chapters`. */
export const chaptersApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List a quest's chapters, in order",
      responses: { 200: { description: "`{ data: QuestChapter[], next_cursor }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("campaigns:read"),
    validate("param", QuestParam),
    validate("query", ListChaptersQuery),
    async (c) => {
      const scope = requestScope(c);
      const page = await readAs(scope, async (tx) => {
        const quest = await findQuest(tx, scope.workspaceId, c.req.valid("param").questId);
        return quest ? listChapters(tx, quest, c.req.valid("query")) : undefined;
      });
      if (!page) throw questNotFound();
      return c.json(listResponse(page, toChapter));
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Add a chapter (appended unless a free position is given)",
      responses: {
        201: { description: "`{ data: QuestChapter }`, `Location` names it" },
        ...ERROR_RESPONSES,
        ...conflicts,
        422: { description: "The quest already holds the maximum number of chapters" },
      },
    }),
    requirePermission("campaigns:write"),
    validate("param", QuestParam),
    validate("json", CreateChapterBody),
    async (c) => {
      const scope = requestScope(c);
      const { questId } = c.req.valid("param");
      const chapter = await writeAs(scope, async (tx, emit) => {
        const quest = await questForChapterWrite(tx, scope.workspaceId, questId);
        return quest ? addChapter(tx, emit, quest, c.req.valid("json")) : undefined;
      });
      if (!chapter) throw questNotFound();
      return created(c, workspacePath(c, "quests", questId, "chapters", chapter.id), toChapter(chapter));
    },
  )
  .get(
    "/:chapterId",
    describeRoute({
      tags,
      summary: "Get a chapter",
      responses: { 200: { description: "`{ data: QuestChapter }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("campaigns:read"),
    validate("param", ChapterParams),
    async (c) => {
      const scope = requestScope(c);
      const { questId, chapterId } = c.req.valid("param");
      const chapter = await readAs(scope, async (tx) => {
        const quest = await findQuest(tx, scope.workspaceId, questId);
        return quest ? findChapter(tx, quest, chapterId) : undefined;
      });
      if (!chapter) throw chapterNotFound();
      return c.json<DataResponse<QuestChapter>>({ data: toChapter(chapter) });
    },
  )
  .patch(
    "/:chapterId",
    describeRoute({
      tags,
      summary: "Update a chapter (completing it stamps completed_at)",
      responses: { 200: { description: "`{ data: QuestChapter }`" }, ...ERROR_RESPONSES, ...conflicts },
    }),
    requirePermission("campaigns:write"),
    validate("param", ChapterParams),
    validate("json", UpdateChapterBody),
    async (c) => {
      const scope = requestScope(c);
      const { questId, chapterId } = c.req.valid("param");
      const chapter = await writeAs(scope, async (tx, emit) => {
        const quest = await questForChapterWrite(tx, scope.workspaceId, questId);
        return quest ? patchChapter(tx, emit, quest, chapterId, c.req.valid("json")) : undefined;
      });
      if (!chapter) throw chapterNotFound();
      return c.json<DataResponse<QuestChapter>>({ data: toChapter(chapter) });
    },
  )
  .delete(
    "/:chapterId",
    describeRoute({
      tags,
      summary: "Delete a chapter (the others keep their positions)",
      responses: { 204: { description: "Deleted" }, ...ERROR_RESPONSES, ...conflicts },
    }),
    requirePermission("campaigns:write"),
    validate("param", ChapterParams),
    async (c) => {
      const scope = requestScope(c);
      const { questId, chapterId } = c.req.valid("param");
      const deleted = await writeAs(scope, async (tx, emit) => {
        const quest = await questForChapterWrite(tx, scope.workspaceId, questId);
        return quest ? deleteChapter(tx, emit, quest, chapterId) : false;
      });
      if (!deleted) throw chapterNotFound();
      return c.body(null, 204);
    },
  );
