/**
 * The knowledge base (backend-architecture.md system 8) on Upstash Vector: five collections as
 * namespaces, five typed templates, ten categories; structure-aware chunking, content-hash
 * dedup, an `agent_memories` row per chunk, workspace-filtered hybrid search, agent retrieval
 * with citations, and the Codex bootstrap. Callers build `KnowledgeDeps` with `knowledgeDeps`.
 */
import type { Redis } from "@upstash/redis/cloudflare";
import type { Index } from "@upstash/vector";
import type { Sql } from "../db/database.ts";
import type { KnowledgeDeps } from "./deps.ts";

export {
  type BatchProgress,
  BatchSlice,
  batchProgress,
  enqueueBatch,
  failSlice,
  INLINE_BATCH_MAX_ITEMS,
  MAX_BATCH_ITEMS,
  processSlice,
} from "./batch.ts";
export { type ChunkOptions, chunkDocument, DEFAULT_CHUNK_OPTIONS } from "./chunking.ts";
export { type CodexBootstrap, codexFingerprint, ensureCodexKnowledge } from "./codex/bootstrap.ts";
export { CODEX_SOURCE, codexDocuments } from "./codex/documents.ts";
export type { DbRunner, KnowledgeActor, KnowledgeDeps } from "./deps.ts";
export { KnowledgeError, type KnowledgeErrorCode } from "./errors.ts";
export { contentHash } from "./hashing.ts";
export { type IngestOutcome, type IngestResult, ingest, ingestMany } from "./ingest.ts";
export { KnowledgeInput, type KnowledgeInputDraft, parseKnowledgeInput } from "./input.ts";
export type { Memory, MemoryMetadata } from "./memories.ts";
export { type RemoveOptions, type RemoveOutcome, remove } from "./remove.ts";
export {
  type AgentMemory,
  DEFAULT_AGENT_TOP_K,
  formatContext,
  GUILD_COLLECTIONS,
  type Retrieval,
  type RetrieveRequest,
  retrieveForAgent,
} from "./retrieve.ts";
export { type SearchHit, type SearchRequest, search } from "./search.ts";
export { type SupersedeOutcome, supersede } from "./supersede.ts";
export { KnowledgeDocument } from "./templates.ts";
export { bumpKnowledgeVersion, knowledgeVersion } from "./version.ts";
export * from "./vocabulary.ts";

/**
 * Knowledge deps from a request's (or Durable Object's) service clients. Pass `claims` to act as
 * a user under RLS; omit them for system work (the agent runtime, the Cognition Lord, consumers).
 */
export function knowledgeDeps(
  services: { sql: Sql; vector: Index; redis: Redis },
  options: Omit<KnowledgeDeps, "sql" | "vector" | "redis"> = {},
): KnowledgeDeps {
  return { sql: services.sql, vector: services.vector, redis: services.redis, ...options };
}
