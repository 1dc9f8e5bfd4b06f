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
import { CreateMoveBody, ListMovesQuery, MoveParam, UpdateMoveBody } from "./schemas.ts";
import { type Move, toMove } from "./serialize.ts";
import { createMove, deleteMove, findMove, listMoves, patchMove } from "./store.ts";

export type { Move } from "./serialize.ts";

const tags = ["moves"];
const notFound = () => ApiError.notFound("Move not found", "MOVE_NOT_FOUND");
const archived = { 409: { description: "The move's campaign is archived" } };

/**
 * Moves — a campaign's actions and tactics — mounted at `/api/workspaces/:workspaceId/moves`.
 * Top-level like achievements and quests: `campaign_id` is a body field on create and a filter
 * on lists, and a move never changes campaign.
 */
export const movesApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List moves (filter by campaign_id, status, move_type, priority, channel; sort; cursor)",
      responses: { 200: { description: "`{ data: Move[], next_cursor }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("campaigns:read"),
    validate("query", ListMovesQuery),
    async (c) => {
      const scope = requestScope(c);
      const page = await readAs(scope, (tx) => listMoves(tx, scope.workspaceId, c.req.valid("query")));
      return c.json(listResponse(page, toMove));
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Add a move to a campaign",
      responses: {
        201: { description: "`{ data: Move }`, `Location` names it" },
        ...ERROR_RESPONSES,
        ...archived,
        422: { description: "campaign_id, guild_id or agent_id names nothing this workspace can use" },
      },
    }),
    requirePermission("campaigns:write"),
    validate("json", CreateMoveBody),
    async (c) => {
      const scope = requestScope(c);
      const move = await writeAs(scope, (tx, emit) => createMove(tx, emit, scope, c.req.valid("json")));
      return created(c, workspacePath(c, "moves", move.id), toMove(move));
    },
  )
  .get(
    "/:moveId",
    describeRoute({
      tags,
      summary: "Get a move",
      responses: { 200: { description: "`{ data: Move }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("campaigns:read"),
    validate("param", MoveParam),
    async (c) => {
      const scope = requestScope(c);
      const move = await readAs(scope, (tx) => findMove(tx, scope.workspaceId, c.req.valid("param").moveId));
      if (!move) throw notFound();
      return c.json<DataResponse<Move>>({ data: toMove(move) });
    },
  )
  .patch(
    "/:moveId",
    describeRoute({
      tags,
      summary: "Update a move (completing it stamps completed_at)",
      responses: { 200: { description: "`{ data: Move }`" }, ...ERROR_RESPONSES, ...archived },
    }),
    requirePermission("campaigns:write"),
    validate("param", MoveParam),
    validate("json", UpdateMoveBody),
    async (c) => {
      const scope = requestScope(c);
      const { moveId } = c.req.valid("param");
      const move = await writeAs(scope, (tx, emit) =>
        patchMove(tx, emit, scope.workspaceId, moveId, c.req.valid("json")),
      );
      if (!move) throw notFound();
      return c.json<DataResponse<Move>>({ data: toMove(move) });
    },
  )
  .delete(
    "/:moveId",
    describeRoute({
      tags,
      summary: "Delete a move (achievements that pointed at it keep their campaign)",
      responses: { 204: { description: "Deleted" }, ...ERROR_RESPONSES, ...archived },
    }),
    requirePermission("campaigns:write"),
    validate("param", MoveParam),
    async (c) => {
      const scope = requestScope(c);
      const { moveId } = c.req.valid("param");
      const deleted = await writeAs(scope, (tx, emit) => deleteMove(tx, emit, scope.workspaceId, moveId));
      if (!deleted) throw notFound();
      return c.body(null, 204);
    },
  );
