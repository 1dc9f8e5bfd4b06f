import type { Tx } from "../db/database.ts";
import {
  and,
  cursorSelect,
  keysetCondition,
  type ListQuery,
  orderByClause,
  type Page,
  toPage,
} from "../db/pagination.ts";
import type { Category, Collection, MemoryType, Template } from "./vocabulary.ts";

/**
 * The `agent_memories` rows that index the vectors: one per chunk, so chunks can be listed,
 * joined back to search hits and deleted. Every statement names the workspace even under RLS,
 * so service-role callers (queue consumers, Durable Objects) are scoped the same way.
 */

/** What a chunk's row keeps in `metadata`. */
export interface MemoryMetadata {
  document_id: string;
  chunk_index: number;
  chunk_count: number;
  template: Template;
  category: Category;
  headings: string[];
  agent_code?: string;
}

/** A memory row as the API returns it. */
export interface Memory {
  id: string;
  workspace_id: string;
  agent_id: string | null;
  namespace: Collection;
  vector_id: string;
  memory_type: MemoryType;
  title: string | null;
  content: string;
  content_hash: string;
  source: string | null;
  embedding_model: string | null;
  metadata: MemoryMetadata;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A row to insert. */
export interface NewMemory {
  workspace_id: string;
  agent_code: string | null;
  namespace: Collection;
  vector_id: string;
  memory_type: MemoryType;
  title: string;
  content: string;
  content_hash: string;
  source: string;
  embedding_model: string | null;
  metadata: MemoryMetadata;
  created_by: string | null;
}

/** An existing chunk found by content hash. */
export interface ExistingChunk {
  id: string;
  namespace: Collection;
  content_hash: string;
  document_id: string | null;
}

/** Chunks of the workspace whose content hash is one of `hashes`, in any collection. */
export async function findByHashes(tx: Tx, workspaceId: string, hashes: readonly string[]): Promise<ExistingChunk[]> {
  if (hashes.length === 0) return [];
  return tx<ExistingChunk[]>`
    select id, namespace, content_hash, metadata->>'document_id' as document_id
    from public.agent_memories
    where workspace_id = ${workspaceId} and content_hash in ${tx([...new Set(hashes)])}`;
}

/**
 * Inserts rows, skipping any whose (workspace, namespace, vector id) exists: a racing ingest of
 * the same text keeps one row. Returns the rows actually inserted.
 */
export async function insertMemories(tx: Tx, rows: readonly NewMemory[]): Promise<{ id: string; vector_id: string }[]> {
  if (rows.length === 0) return [];
  const codes = [...new Set(rows.map((row) => row.agent_code).filter((code): code is string => code !== null))];
  const agents =
    codes.length === 0
      ? []
      : await tx<{ id: string; code: string }[]>`
      select id, code from public.agent_registry where code in ${tx(codes)}`;
  const agentIds = new Map(agents.map((agent) => [agent.code, agent.id]));
  const values = rows.map(({ agent_code, metadata, ...row }) => ({
    ...row,
    agent_id: agent_code === null ? null : (agentIds.get(agent_code) ?? null),
    metadata: tx.json(metadata as unknown as Parameters<Tx["json"]>[0]),
  }));
  return tx<{ id: string; vector_id: string }[]>`
    insert into public.agent_memories ${tx(values)}
    on conflict (workspace_id, namespace, vector_id) do nothing
    returning id, vector_id`;
}

/** Filters of the memory list. */
export interface MemoryListFilter {
  collection?: Collection;
  category?: Category;
  template?: Template;
  documentId?: string;
  agentCode?: string;
}

/** One page of a workspace's memories, filtered. */
export async function listMemories(
  tx: Tx,
  workspaceId: string,
  filter: MemoryListFilter,
  query: ListQuery,
): Promise<Page<Memory>> {
  const where = and(tx, [
    tx`m.workspace_id = ${workspaceId}`,
    filter.collection === undefined ? undefined : tx`m.namespace = ${filter.collection}`,
    filter.category === undefined ? undefined : tx`m.metadata->>'category' = ${filter.category}`,
    filter.template === undefined ? undefined : tx`m.metadata->>'template' = ${filter.template}`,
    filter.documentId === undefined ? undefined : tx`m.metadata->>'document_id' = ${filter.documentId}`,
    filter.agentCode === undefined
      ? undefined
      : tx`m.agent_id = (select id from public.agent_registry where code = ${filter.agentCode})`,
    keysetCondition(tx, query, "m"),
  ]);
  const rows = await tx<(Memory & { _cursor: string | null })[]>`
    select m.*, ${cursorSelect(tx, query, "m")}
    from public.agent_memories m
    where ${where}
    ${orderByClause(tx, query, "m")}
    limit ${query.limit + 1}`;
  return toPage(rows, query) as Page<Memory>;
}

/** One memory of the workspace, or undefined. */
export async function getMemory(tx: Tx, workspaceId: string, id: string): Promise<Memory | undefined> {
  const [row] = await tx<Memory[]>`
    select * from public.agent_memories where workspace_id = ${workspaceId} and id = ${id}`;
  return row;
}

/** The rows behind vector hits, keyed by `namespace:vector_id`; hits without a row are stale. */
export async function memoriesForVectors(
  tx: Tx,
  workspaceId: string,
  hits: readonly { collection: Collection; id: string }[],
): Promise<Map<string, Memory>> {
  if (hits.length === 0) return new Map();
  const rows = await tx<Memory[]>`
    select * from public.agent_memories
    where workspace_id = ${workspaceId} and vector_id in ${tx([...new Set(hits.map((hit) => hit.id))])}`;
  return new Map(rows.map((row) => [`${row.namespace}:${row.vector_id}`, row]));
}

/** What to delete: one memory, a whole document, or chunks by content hash. */
export type MemorySelector = { memoryId: string } | { documentId: string } | { memoryIds: readonly string[] };

/** A deleted row: enough to delete its vector and describe the deletion. */
export interface DeletedMemory {
  id: string;
  namespace: Collection;
  vector_id: string;
  document_id: string | null;
  template: Template | null;
  category: Category | null;
}

/** Rows `selector` names in the workspace, without deleting them. */
export async function selectMemories(tx: Tx, workspaceId: string, selector: MemorySelector): Promise<DeletedMemory[]> {
  return tx<DeletedMemory[]>`
    select id, namespace, vector_id, metadata->>'document_id' as document_id,
           metadata->>'template' as template, metadata->>'category' as category
    from public.agent_memories
    where workspace_id = ${workspaceId} and ${selectorCondition(tx, selector)}`;
}

/** Deletes the rows `selector` names in the workspace and returns them. */
export async function deleteMemories(tx: Tx, workspaceId: string, selector: MemorySelector): Promise<DeletedMemory[]> {
  return tx<DeletedMemory[]>`
    delete from public.agent_memories
    where workspace_id = ${workspaceId} and ${selectorCondition(tx, selector)}
    returning id, namespace, vector_id, metadata->>'document_id' as document_id,
              metadata->>'template' as template, metadata->>'category' as category`;
}

function selectorCondition(tx: Tx, selector: MemorySelector) {
  if ("memoryId" in selector) return tx`id = ${selector.memoryId}`;
  if ("documentId" in selector) return tx`metadata->>'document_id' = ${selector.documentId}`;
  return selector.memoryIds.length === 0 ? tx`false` : tx`id in ${tx([...selector.memoryIds])}`;
}
