import { type AgentMemory, knowledgeDeps, retrieveForAgent } from "../../knowledge/index.ts";
import type { AgentDefinition } from "../registry/index.ts";
import type { ConsumerDeps } from "./deps.ts";

/**
 * One memory an execution was prompted with, as its log stores it. The text is left out: it is in
 * `agent_memories` under `memory_id`, and five chunks per execution would dwarf the row.
 */
export interface Citation {
  citation: string;
  memory_id: string;
  document_id: string | null;
  title: string | null;
  collection: AgentMemory["collection"];
  category: AgentMemory["category"];
  source: string | null;
  score: number;
}

/** What an execution's prompt gets from the knowledge base. */
export interface ExecutionKnowledge {
  /** The prompt block citing [K1], [K2], …; empty when nothing relevant was found. */
  context: string;
  citations: Citation[];
  /** The knowledge version the memories reflect; null when retrieval failed, so the answer must not be cached. */
  version: number | null;
}

/** The spec's `query_memory` default: five memories per prompt. */
export const MEMORIES_PER_EXECUTION = 5;
/** Longest query sent to the hybrid search: the gist of a task fits, a pasted document does not need to. */
const MAX_QUERY_CHARS = 1_000;

/**
 * The task as search text: the input's strings and numbers in document order (a brand's name, the market,
 * the questions asked), or the agent's role when the input has none. The agent's guild picks the
 * collections searched, so the query only needs to say what this invocation is about.
 */
export function taskQuery(agent: AgentDefinition, input: unknown): string {
  const parts: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === "string" && value.trim() !== "") parts.push(value.trim());
    else if (typeof value === "number" || typeof value === "bigint") parts.push(String(value));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(input);
  const text = parts.join(". ").replace(/\s+/gu, " ");
  return (text === "" ? agent.role : text).slice(0, MAX_QUERY_CHARS);
}

/**
 * Retrieves the memories for one execution (as the service role, scoped to the workspace). Knowledge makes
 * answers better but is not what the caller asked for: if retrieval fails, the agent runs without it and
 * the failure is logged, rather than the execution failing with it.
 */
export async function retrieveKnowledge(
  deps: ConsumerDeps,
  workspaceId: string,
  agent: AgentDefinition,
  input: unknown,
): Promise<ExecutionKnowledge> {
  try {
    const knowledge = knowledgeDeps(deps, {
      logger: deps.logger,
      ...(deps.broadcast ? { publish: deps.broadcast } : {}),
    });
    const retrieval = await retrieveForAgent(knowledge, {
      workspaceId,
      agentCode: agent.code,
      task: taskQuery(agent, input),
      topK: MEMORIES_PER_EXECUTION,
    });
    return {
      context: retrieval.context,
      citations: retrieval.memories.map(citationOf),
      version: retrieval.knowledge_version,
    };
  } catch (error) {
    deps.logger.warn("knowledge retrieval failed; the agent runs without it", {
      workspace_id: workspaceId,
      agent_code: agent.code,
      error: error instanceof Error ? error.message : String(error),
    });
    return { context: "", citations: [], version: null };
  }
}

function citationOf(memory: AgentMemory): Citation {
  return {
    citation: memory.citation,
    memory_id: memory.memory_id,
    document_id: memory.document_id,
    title: memory.title,
    collection: memory.collection,
    category: memory.category,
    source: memory.source,
    score: memory.score,
  };
}
