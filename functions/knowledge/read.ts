import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { type DataResponse, ERROR_RESPONSES, type ListResponse, listResponse } from "../../shared/http/responses.ts";
import { validate } from "../../shared/http/validate.ts";
import { ensureCodexKnowledge } from "../../shared/knowledge/codex/bootstrap.ts";
import { dbOf } from "../../shared/knowledge/deps.ts";
import { getMemory, listMemories, type Memory } from "../../shared/knowledge/memories.ts";
import { type SearchHit, search } from "../../shared/knowledge/search.ts";
import { requestActor, requestDeps } from "./context.ts";
import { ListQuery, MemoryParams, SearchQuery } from "./schemas.ts";

const tags = ["knowledge"];

/** `GET /knowledge/search`: the best `top_k` hits, one list (`next_cursor` is always null). */
export type SearchResponse = ListResponse<SearchHit>;

/** `GET /knowledge`. */
export type MemoryListResponse = ListResponse<Memory>;

/** `GET /knowledge/:id`. */
export type MemoryResponse = DataResponse<Memory>;

/** Search, list and read the workspace's knowledge (permission per route: sibling apps share the mount). */
export const readApp = new Hono<AppEnv>()
  .get(
    "/search",
    describeRoute({
      tags,
      summary: "Semantic search with a keyword boost, within the workspace only",
      responses: {
        200: { description: "`{ data: SearchHit[], next_cursor: null }`: best chunks first, text, score, metadata" },
        ...ERROR_RESPONSES,
      },
    }),
    requirePermission("knowledge:read"),
    validate("query", SearchQuery),
    async (c) => {
      const query = c.req.valid("query");
      const deps = requestDeps(c);
      const { workspaceId } = requestActor(c);
      await ensureCodexKnowledge(deps, workspaceId);
      const hits = await search(deps, {
        workspaceId,
        query: query.q,
        collections: query.collection,
        categories: query.category,
        templates: query.template,
        topK: query.top_k,
        ...(query.hybrid === "false" ? { keywordWeight: 0 } : {}),
      });
      return c.json<SearchResponse>({ data: hits, next_cursor: null });
    },
  )
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List the workspace's memories (one per chunk), newest first",
      responses: { 200: { description: "`{ data: Memory[], next_cursor }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("knowledge:read"),
    validate("query", ListQuery),
    async (c) => {
      const { collection, category, template, document_id, ...page } = c.req.valid("query");
      const { workspaceId } = requestActor(c);
      const result = await dbOf(requestDeps(c))((tx) =>
        listMemories(tx, workspaceId, { collection, category, template, documentId: document_id }, page),
      );
      return c.json<MemoryListResponse>(listResponse(result));
    },
  )
  .get(
    "/:id",
    describeRoute({
      tags,
      summary: "One memory",
      responses: { 200: { description: "`{ data: Memory }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("knowledge:read"),
    validate("param", MemoryParams),
    async (c) => {
      const { workspaceId } = requestActor(c);
      const memory = await dbOf(requestDeps(c))((tx) => getMemory(tx, workspaceId, c.req.valid("param").id));
      if (!memory) throw ApiError.notFound("No such knowledge in this workspace", "KNOWLEDGE_NOT_FOUND");
      return c.json<MemoryResponse>({ data: memory });
    },
  );
