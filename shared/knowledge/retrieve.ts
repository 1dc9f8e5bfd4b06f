import { type Guild, getAgent } from "../agents/registry/index.ts";
import { createCache } from "../cache/service.ts";
import { ensureCodexKnowledge } from "./codex/bootstrap.ts";
import type { KnowledgeDeps } from "./deps.ts";
import { KnowledgeError } from "./errors.ts";
import { sha256Hex } from "./hashing.ts";
import { type SearchHit, search } from "./search.ts";
import { knowledgeVersion } from "./version.ts";
import { COLLECTIONS, type Collection } from "./vocabulary.ts";

/**
 * The collections each guild reads (backend-architecture.md system 8: retrieved context is
 * injected into agent prompts). The Council reads everything, the Codex included, because it
 * routes work across guilds; guild agents read the sources their work is built from.
 */
export const GUILD_COLLECTIONS: Readonly<Record<Guild, readonly Collection[]>> = {
  council: COLLECTIONS,
  research: ["industry_research", "competitor_intel", "campaign_briefs", "user_preferences"],
  muse: ["campaign_briefs", "user_preferences", "industry_research"],
  matrix: ["competitor_intel", "industry_research", "campaign_briefs"],
  guardian: ["user_preferences", "industry_research", "campaign_briefs"],
};

/** The spec's `query_memory` default: five memories per query. */
export const DEFAULT_AGENT_TOP_K = 5;

/** A retrieval for one agent invocation. */
export interface RetrieveRequest {
  workspaceId: string;
  /** The agent being prompted; its guild picks the collections. */
  agentCode?: string;
  /** When no agent code is given (e.g. a Lord's own capability), the guild to read for. */
  guild?: Guild;
  /** What the agent is asked to do: the query. */
  task: string;
  topK?: number;
  /** Overrides the guild's collections. */
  collections?: readonly Collection[];
}

/** One memory as an agent prompt cites it. */
export interface AgentMemory {
  /** `K1`, `K2`, …: how the prompt and the agent's answer refer to it. */
  citation: string;
  memory_id: string;
  document_id: string | null;
  title: string | null;
  text: string;
  score: number;
  collection: Collection;
  template: SearchHit["metadata"]["template"];
  category: SearchHit["metadata"]["category"];
  source: string | null;
  created_at: string;
}

/** Memories for a prompt, the prompt block citing them, and the knowledge version they reflect. */
export interface Retrieval {
  memories: AgentMemory[];
  /** Ready to append to the prompt; empty when nothing relevant was found. */
  context: string;
  knowledge_version: number;
  cached: boolean;
}

/**
 * Retrieves the knowledge an agent needs for a task: the Codex is loaded first if the workspace
 * has never had it, then the guild's collections are searched (hybrid ranking). Retrievals are
 * cached 7 days (the spec's RAG TTL) under the knowledge version, so any ingest or delete makes
 * the next retrieval fresh.
 */
export async function retrieveForAgent(deps: KnowledgeDeps, request: RetrieveRequest): Promise<Retrieval> {
  const workspaceId = request.workspaceId.toLowerCase();
  const guild = guildOf(request);
  const collections = request.collections ?? GUILD_COLLECTIONS[guild];
  const topK = request.topK ?? DEFAULT_AGENT_TOP_K;
  await ensureCodexKnowledge(deps, workspaceId);
  const version = await knowledgeVersion(deps.redis, workspaceId);
  if (request.task.trim() === "") return { memories: [], context: "", knowledge_version: version, cached: false };

  const digest = await sha256Hex(JSON.stringify([request.task.trim(), [...collections].sort(), topK]));
  const cache = createCache({ redis: deps.redis, workspaceId, clock: deps.clock });
  const result = await cache.getOrCompute("embeddings", `retrieval:${guild}:k${version}:${digest}`, async () => {
    const hits = await search(deps, { workspaceId, query: request.task, collections, topK });
    return { value: hits.map(toMemory) };
  });
  return {
    memories: result.value,
    context: formatContext(result.value),
    knowledge_version: version,
    cached: result.cached,
  };
}

function guildOf(request: RetrieveRequest): Guild {
  if (request.agentCode === undefined) return request.guild ?? "council";
  const agent = getAgent(request.agentCode);
  if (!agent) throw new KnowledgeError("NOT_FOUND", `No agent ${request.agentCode}`);
  return agent.guild;
}

function toMemory(hit: SearchHit, index: number): AgentMemory {
  return {
    citation: `K${index + 1}`,
    memory_id: hit.memory_id,
    document_id: hit.document_id,
    title: hit.title,
    text: hit.text,
    score: hit.score,
    collection: hit.metadata.collection,
    template: hit.metadata.template,
    category: hit.metadata.category,
    source: hit.metadata.source,
    created_at: hit.metadata.created_at,
  };
}

/** The prompt block: each memory under its citation, with where it came from. */
export function formatContext(memories: readonly AgentMemory[]): string {
  if (memories.length === 0) return "";
  const blocks = memories.map(
    (memory) =>
      `[${memory.citation}] ${memory.title ?? "Untitled"} (${memory.collection}, ${memory.category}; source: ${memory.source ?? "unknown"})\n${memory.text}`,
  );
  return `Knowledge from this workspace (cite as [K1], [K2], … where you rely on it):\n\n${blocks.join("\n\n")}`;
}
