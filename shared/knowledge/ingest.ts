import type { Tx } from "../db/database.ts";
import { type RecordedEvent, recordEvent } from "../events/record.ts";
import { afterKnowledgeChange } from "./after-change.ts";
import { chunkDocument } from "./chunking.ts";
import { dbOf, type KnowledgeActor, type KnowledgeDeps } from "./deps.ts";
import { embeddingModelOf } from "./embedding-model.ts";
import { contentHash } from "./hashing.ts";
import type { KnowledgeInput } from "./input.ts";
import { findByHashes, insertMemories, type NewMemory } from "./memories.ts";
import { renderDocument } from "./render.ts";
import { upsertChunks, type VectorMetadata, type VectorRecord, vectorIdFor } from "./vector-store.ts";
import { type Collection, DEFAULT_COLLECTION, DEFAULT_MEMORY_TYPE } from "./vocabulary.ts";

/** One chunk of an ingested document: new, or already known (its existing memory). */
export interface IngestedChunk {
  memory_id: string;
  chunk_index: number;
  status: "created" | "duplicate";
}

/** What ingesting one document did. */
export interface IngestResult {
  /** The new document's id; when every chunk was already known, the document they belong to. */
  document_id: string | null;
  collection: Collection;
  template: KnowledgeInput["document"]["template"];
  category: KnowledgeInput["category"];
  title: string;
  chunks: number;
  created: number;
  duplicates: number;
  memories: IngestedChunk[];
}

/** The outcome of a call: per-document results, the knowledge version after it, and its events. */
export interface IngestOutcome {
  results: IngestResult[];
  /** The version after this call's change; null when nothing new was stored (a no-op). */
  knowledgeVersion: number | null;
  events: RecordedEvent[];
}

interface PreparedChunk {
  index: number;
  text: string;
  hash: string;
  headings: string[];
}

interface Prepared {
  input: KnowledgeInput;
  collection: Collection;
  documentId: string;
  chunks: PreparedChunk[];
}

/** Ingests one document: chunk, deduplicate, store rows and vectors, record the event. */
export async function ingest(
  deps: KnowledgeDeps,
  actor: KnowledgeActor,
  input: KnowledgeInput,
): Promise<IngestOutcome> {
  return ingestMany(deps, actor, [input]);
}

/**
 * Ingests documents in one transaction. Chunks whose content hash the workspace already holds
 * in the same collection are not stored again (re-ingesting the same text is a no-op). Rows are
 * inserted and vectors upserted inside the transaction, so a failed upsert stores nothing; the
 * knowledge version moves and dependent caches are invalidated after it commits.
 */
export async function ingestMany(
  deps: KnowledgeDeps,
  actor: KnowledgeActor,
  inputs: readonly KnowledgeInput[],
): Promise<IngestOutcome> {
  const workspaceId = actor.workspaceId.toLowerCase();
  const prepared = await Promise.all(inputs.map(prepare));
  const createdAt = new Date(deps.clock?.() ?? Date.now()).toISOString();
  const embeddingModel = await embeddingModelOf(deps.vector);

  const { results, event } = await dbOf(deps)(async (tx) => {
    const existing = await findByHashes(
      tx,
      workspaceId,
      prepared.flatMap((doc) => doc.chunks.map((chunk) => chunk.hash)),
    );
    const known = new Map(existing.map((row) => [`${row.namespace}:${row.content_hash}`, row]));
    const planned = new Set<string>();
    const rows: NewMemory[] = [];
    const records = new Map<Collection, VectorRecord[]>();
    for (const doc of prepared) {
      for (const chunk of doc.chunks) {
        const key = `${doc.collection}:${chunk.hash}`;
        if (known.has(key) || planned.has(key)) continue;
        planned.add(key);
        const { row, record } = toStored(workspaceId, actor, doc, chunk, createdAt, embeddingModel);
        rows.push(row);
        records.set(doc.collection, [...(records.get(doc.collection) ?? []), record]);
      }
    }
    const inserted = await insertMemories(tx, rows);
    const insertedIds = new Set(inserted.map((row) => row.vector_id));
    // Only what this transaction inserted: a racing ingest that won a row owns its vector's metadata.
    for (const [collection, list] of records) {
      const mine = list.filter((record) => insertedIds.has(record.id));
      if (mine.length > 0) await upsertChunks(deps.vector, collection, mine);
    }
    const ids = await memoryIdsOf(tx, workspaceId, prepared);
    const results = prepared.map((doc) => summarize(doc, ids, inserted));
    const created = results.filter((result) => result.created > 0);
    const event = created.length === 0 ? undefined : await recordEvent(tx, ingestedEvent(workspaceId, actor, created));
    return { results, event };
  });

  if (!event) return { results, knowledgeVersion: null, events: [] };
  const changes = results
    .filter((result) => result.created > 0)
    .map((result) => ({ collection: result.collection, template: result.template, category: result.category }));
  const after = await afterKnowledgeChange(deps, actor, changes, "knowledge.ingested");
  const events = [event, ...after.events];
  await deps.publish?.(events);
  return { results, knowledgeVersion: after.knowledgeVersion, events };
}

async function prepare(input: KnowledgeInput): Promise<Prepared> {
  const collection = input.collection ?? DEFAULT_COLLECTION[input.document.template];
  const seen = new Set<string>();
  const chunks: PreparedChunk[] = [];
  for (const chunk of chunkDocument(renderDocument(input.title, input.document))) {
    const hash = await contentHash(chunk.text);
    // A chunk repeated within the document is stored once.
    if (seen.has(hash)) continue;
    seen.add(hash);
    chunks.push({ index: chunks.length, text: chunk.text, hash, headings: chunk.headings });
  }
  return { input, collection, documentId: crypto.randomUUID(), chunks };
}

function toStored(
  workspaceId: string,
  actor: KnowledgeActor,
  doc: Prepared,
  chunk: PreparedChunk,
  createdAt: string,
  embeddingModel: string | null,
): { row: NewMemory; record: VectorRecord } {
  const { input } = doc;
  const id = vectorIdFor(workspaceId, chunk.hash);
  const source = input.source ?? "unspecified";
  const metadata: VectorMetadata = {
    workspace_id: workspaceId,
    collection: doc.collection,
    template: input.document.template,
    category: input.category,
    source,
    created_at: createdAt,
    content_hash: chunk.hash,
    document_id: doc.documentId,
    chunk_index: chunk.index,
    title: input.title,
    ...(input.agent_code ? { agent_code: input.agent_code } : {}),
  };
  const row: NewMemory = {
    workspace_id: workspaceId,
    agent_code: input.agent_code ?? null,
    namespace: doc.collection,
    vector_id: id,
    memory_type: input.memory_type ?? DEFAULT_MEMORY_TYPE[input.document.template],
    title: input.title,
    content: chunk.text,
    content_hash: chunk.hash,
    source,
    embedding_model: embeddingModel,
    metadata: {
      document_id: doc.documentId,
      chunk_index: chunk.index,
      chunk_count: doc.chunks.length,
      template: input.document.template,
      category: input.category,
      headings: chunk.headings,
      ...(input.agent_code ? { agent_code: input.agent_code } : {}),
    },
    created_by: actor.actorId ?? null,
  };
  return { row, record: { id, text: chunk.text, metadata } };
}

/** Memory id and document of every chunk of these documents, after the insert. */
async function memoryIdsOf(tx: Tx, workspaceId: string, prepared: readonly Prepared[]) {
  const rows = await findByHashes(
    tx,
    workspaceId,
    prepared.flatMap((doc) => doc.chunks.map((chunk) => chunk.hash)),
  );
  return new Map(rows.map((row) => [`${row.namespace}:${row.content_hash}`, row]));
}

function summarize(
  doc: Prepared,
  ids: Map<string, { id: string; document_id: string | null }>,
  inserted: readonly { id: string }[],
): IngestResult {
  const insertedIds = new Set(inserted.map((row) => row.id));
  const memories = doc.chunks.map((chunk): IngestedChunk => {
    const row = ids.get(`${doc.collection}:${chunk.hash}`);
    if (!row) throw new Error(`chunk ${chunk.index} of document ${doc.documentId} has no row after ingest`);
    const created = insertedIds.has(row.id) && row.document_id === doc.documentId;
    return { memory_id: row.id, chunk_index: chunk.index, status: created ? "created" : "duplicate" };
  });
  const created = memories.filter((memory) => memory.status === "created").length;
  const firstKnown = doc.chunks.map((chunk) => ids.get(`${doc.collection}:${chunk.hash}`)?.document_id)[0] ?? null;
  return {
    document_id: created > 0 ? doc.documentId : firstKnown,
    collection: doc.collection,
    template: doc.input.document.template,
    category: doc.input.category,
    title: doc.input.title,
    chunks: doc.chunks.length,
    created,
    duplicates: memories.length - created,
    memories,
  };
}

function ingestedEvent(workspaceId: string, actor: KnowledgeActor, created: readonly IngestResult[]) {
  return {
    workspaceId,
    type: "knowledge.ingested" as const,
    payload: {
      documents: created.map((result) => ({
        document_id: result.document_id,
        collection: result.collection,
        template: result.template,
        category: result.category,
        title: result.title,
        chunks_created: result.created,
        chunks_duplicate: result.duplicates,
      })),
    },
    actorId: actor.actorId ?? null,
    requestId: actor.requestId ?? null,
  };
}
