import { Hono } from "hono";
import type { AppEnv } from "../../shared/app-env.ts";
import { ingestApp } from "./ingest.ts";
import { readApp } from "./read.ts";
import { removeApp } from "./remove.ts";

export type { AgentMemoryListResponse, AgentRetrieval, AgentRetrievalResponse } from "./agent-memories.ts";
export { agentMemoriesApp } from "./agent-memories.ts";
export type { BatchProgressResponse, BatchResponse, BootstrapResponse, IngestResponse } from "./ingest.ts";
export type { MemoryListResponse, MemoryResponse, SearchResponse } from "./read.ts";

/**
 * The knowledge API under `/api/workspaces/:workspaceId/knowledge`: ingest (single, batch),
 * search, list, read and delete. Permission per route: knowledge:read or knowledge:write.
 */
export const knowledgeApp = new Hono<AppEnv>().route("/", ingestApp).route("/", removeApp).route("/", readApp);
