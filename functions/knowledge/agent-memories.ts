import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { getAgent } from "../../shared/agents/registry/index.ts";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { type DataResponse, ERROR_RESPONSES, type ListResponse, listResponse } from "../../shared/http/responses.ts";
import { validate } from "../../shared/http/validate.ts";
import { dbOf } from "../../shared/knowledge/deps.ts";
import { listMemories, type Memory } from "../../shared/knowledge/memories.ts";
import { type AgentMemory, retrieveForAgent } from "../../shared/knowledge/retrieve.ts";
import { requestActor, requestDeps } from "./context.ts";
import { AgentMemoriesQuery, AgentParams } from "./schemas.ts";

/** What an agent would be given for a task: its memories, the prompt block citing them, and the version. */
export interface AgentRetrieval {
  memories: AgentMemory[];
  context: string;
  knowledge_version: number;
}

/** `GET /agents/:code/memories?query=`: one retrieval. */
export type AgentRetrievalResponse = DataResponse<AgentRetrieval>;

/** `GET /agents/:code/memories` without a query: the memories the agent wrote, newest first. */
export type AgentMemoryListResponse = ListResponse<Memory>;

/**
 * The spec's agent-memory RAG query. Mounted at `/api/workspaces/:workspaceId/agents/:code/memories`
 * (in app.ts before the agents API, whose own middleware requires `agents:invoke`): reading
 * knowledge only needs `knowledge:read`.
 */
export const agentMemoriesApp = new Hono<AppEnv>().get(
  "/",
  describeRoute({
    tags: ["knowledge", "agents"],
    summary: "An agent's memories: with `query`, the RAG retrieval its prompt would get (with citations)",
    responses: {
      200: {
        description:
          "With `query`, `{ data: AgentRetrieval }` (memories, context, knowledge_version); without, `{ data: Memory[], next_cursor }`",
      },
      ...ERROR_RESPONSES,
    },
  }),
  requirePermission("knowledge:read"),
  validate("param", AgentParams),
  validate("query", AgentMemoriesQuery),
  async (c) => {
    const { code } = c.req.valid("param");
    const agent = getAgent(code);
    if (!agent) throw ApiError.notFound(`No agent ${code}`, "AGENT_NOT_FOUND");
    const { query, top_k, ...page } = c.req.valid("query");
    const { workspaceId } = requestActor(c);
    const deps = requestDeps(c);
    if (query !== undefined) {
      const retrieval = await retrieveForAgent(deps, { workspaceId, agentCode: agent.code, task: query, topK: top_k });
      return c.json<AgentRetrievalResponse>({
        data: {
          memories: retrieval.memories,
          context: retrieval.context,
          knowledge_version: retrieval.knowledge_version,
        },
      });
    }
    const result = await dbOf(deps)((tx) => listMemories(tx, workspaceId, { agentCode: agent.code }, page));
    return c.json<AgentMemoryListResponse>(listResponse(result));
  },
);
