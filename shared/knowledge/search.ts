import { dbOf, type KnowledgeDeps } from "./deps.ts";
import { DEFAULT_KEYWORD_WEIGHT, hybridRank } from "./hybrid.ts";
import { type Memory, memoriesForVectors } from "./memories.ts";
import { MAX_TOP_K, queryCollection, type VectorHit } from "./vector-store.ts";
import { type Category, COLLECTIONS, type Collection, type Template } from "./vocabulary.ts";

/** A knowledge search inside one workspace. */
export interface SearchRequest {
  workspaceId: string;
  query: string;
  /** Collections to search; all five when omitted. */
  collections?: readonly Collection[];
  categories?: readonly Category[];
  templates?: readonly Template[];
  agentCode?: string;
  topK: number;
  /** Weight of the keyword boost (0 turns it off); `DEFAULT_KEYWORD_WEIGHT` when omitted. */
  keywordWeight?: number;
}

/** One result: the chunk's text, its scores, and where it came from. */
export interface SearchHit {
  memory_id: string;
  document_id: string | null;
  text: string;
  title: string | null;
  score: number;
  vector_score: number;
  keyword_score: number;
  metadata: {
    collection: Collection;
    template: Template;
    category: Category;
    source: string | null;
    chunk_index: number;
    content_hash: string;
    created_at: string;
    agent_code: string | null;
  };
}

/**
 * How many candidates each collection returns per result asked for, when the keyword boost is on:
 * the boost can only promote what the vector search found. On the retrieval bench 4× gives the
 * best MRR (1× and 2× miss a few promotions, 8× adds nothing); it costs payload, not queries.
 */
export const CANDIDATE_FACTOR = 4;

/**
 * Searches the workspace's knowledge: each collection is queried with a filter that starts with
 * the workspace, hits are joined to their `agent_memories` rows (so a vector without a row in
 * this workspace, e.g. one deleted meanwhile, is never returned, and under RLS a user only sees
 * rows of workspaces they belong to), then reranked with the keyword boost.
 */
export async function search(
  deps: Pick<KnowledgeDeps, "sql" | "claims" | "vector">,
  request: SearchRequest,
): Promise<SearchHit[]> {
  const workspaceId = request.workspaceId.toLowerCase();
  const keywordWeight = request.keywordWeight ?? DEFAULT_KEYWORD_WEIGHT;
  const topK = Math.min(Math.max(1, Math.floor(request.topK)), MAX_TOP_K);
  const candidates = keywordWeight === 0 ? topK : Math.min(topK * CANDIDATE_FACTOR, MAX_TOP_K);
  const collections = request.collections?.length ? request.collections : COLLECTIONS;
  const filter = {
    workspaceId,
    categories: request.categories,
    templates: request.templates,
    agentCode: request.agentCode,
  };
  const hits = (
    await Promise.all(
      collections.map((collection) =>
        queryCollection(deps.vector, collection, { query: request.query, topK: candidates, filter }),
      ),
    )
  ).flat();
  if (hits.length === 0) return [];
  const rows = await dbOf(deps)((tx) => memoriesForVectors(tx, workspaceId, hits));
  const joined = hits.flatMap((hit) => {
    const row = rows.get(`${hit.collection}:${hit.id}`);
    return row && row.workspace_id === workspaceId ? [{ hit, row, text: row.content, vectorScore: hit.score }] : [];
  });
  return hybridRank(request.query, joined, keywordWeight)
    .slice(0, topK)
    .map((ranked) => toHit(ranked.hit, ranked.row, ranked.score, ranked.keywordScore));
}

function toHit(hit: VectorHit, row: Memory, score: number, keywordScore: number): SearchHit {
  return {
    memory_id: row.id,
    document_id: row.metadata.document_id ?? null,
    text: row.content,
    title: row.title,
    score,
    vector_score: hit.score,
    keyword_score: keywordScore,
    metadata: {
      collection: row.namespace,
      template: row.metadata.template,
      category: row.metadata.category,
      source: row.source,
      chunk_index: row.metadata.chunk_index,
      content_hash: row.content_hash,
      created_at: row.created_at.toISOString(),
      agent_code: row.metadata.agent_code ?? null,
    },
  };
}
