import type { Index } from "@upstash/vector";
import { buildFilter, type KnowledgeFilter } from "./filter.ts";
import type { Category, Collection, Template } from "./vocabulary.ts";

/** Metadata every knowledge vector carries; `workspace_id` is what every query filters on. */
export interface VectorMetadata {
  [key: string]: unknown;
  workspace_id: string;
  collection: Collection;
  template: Template;
  category: Category;
  source: string;
  created_at: string;
  content_hash: string;
  document_id: string;
  chunk_index: number;
  title: string;
  agent_code?: string;
}

/** A chunk to store: its id, text (embedded by the index) and metadata. */
export interface VectorRecord {
  id: string;
  text: string;
  metadata: VectorMetadata;
}

/** A hit from one collection, with the workspace already checked. */
export interface VectorHit {
  id: string;
  score: number;
  collection: Collection;
  metadata: VectorMetadata;
  text?: string;
}

/** Upstash Vector accepts at most 1,000 vectors per upsert. */
const UPSERT_BATCH = 1_000;
/** Upstash Vector answers at most 1,000 results per query. */
export const MAX_TOP_K = 1_000;

/**
 * A chunk's vector id: workspace and content hash. Deterministic, so re-ingesting the same text
 * (or two racing ingests of it) writes the same vector instead of a second copy.
 */
export function vectorIdFor(workspaceId: string, contentHash: string): string {
  return `${workspaceId.toLowerCase()}:${contentHash}`;
}

/** Stores chunks in a collection's namespace; the index embeds `text` itself (`upsert-data`). */
export async function upsertChunks(index: Index, collection: Collection, records: readonly VectorRecord[]) {
  const namespace = index.namespace(collection);
  for (let i = 0; i < records.length; i += UPSERT_BATCH) {
    const batch = records.slice(i, i + UPSERT_BATCH);
    await namespace.upsert(batch.map((record) => ({ id: record.id, data: record.text, metadata: record.metadata })));
  }
}

/** Deletes vectors by id from a collection's namespace. */
export async function deleteChunks(index: Index, collection: Collection, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { deleted } = await index.namespace(collection).delete([...ids]);
  return deleted;
}

/** What to look for in one collection. */
export interface CollectionQuery {
  query: string;
  topK: number;
  filter: KnowledgeFilter;
  includeText?: boolean;
}

/**
 * Nearest chunks in one collection, filtered to the workspace by the index. Hits whose metadata
 * names another workspace are dropped as well: the filter is the first wall, this the second.
 */
export async function queryCollection(
  index: Index,
  collection: Collection,
  query: CollectionQuery,
): Promise<VectorHit[]> {
  const workspaceId = query.filter.workspaceId.toLowerCase();
  const results = await index.namespace(collection).query<VectorMetadata>({
    data: query.query,
    topK: Math.min(Math.max(1, query.topK), MAX_TOP_K),
    filter: buildFilter({ ...query.filter, workspaceId }),
    includeMetadata: true,
    includeData: query.includeText ?? false,
  });
  return results
    .filter((hit) => hit.metadata?.workspace_id === workspaceId && String(hit.id).startsWith(`${workspaceId}:`))
    .map((hit) => ({
      id: String(hit.id),
      score: hit.score,
      collection,
      metadata: hit.metadata as VectorMetadata,
      ...(hit.data !== undefined ? { text: hit.data } : {}),
    }));
}
