import { tryLock } from "../../cache/lock.ts";
import { withService } from "../../db/database.ts";
import type { KnowledgeDeps } from "../deps.ts";
import { sha256Hex } from "../hashing.ts";
import { ingestMany } from "../ingest.ts";
import { remove } from "../remove.ts";
import { CODEX_SOURCE, codexDocuments } from "./documents.ts";

/** What a bootstrap did; `loaded` is false when the workspace already had this Codex. */
export interface CodexBootstrap {
  loaded: boolean;
  created: number;
  removed: number;
}

/** How long one workspace's bootstrap may hold its lock: it is one ingest of ~100 small documents. */
const BOOTSTRAP_LOCK_MS = 60_000;

const markerKey = (workspaceId: string) => `knowledge:${workspaceId}:codex`;

let fingerprint: Promise<string> | undefined;

/** A digest of the Codex documents: it changes whenever the spec data or the registry does. */
export function codexFingerprint(): Promise<string> {
  fingerprint ??= sha256Hex(JSON.stringify(codexDocuments()));
  return fingerprint;
}

/**
 * Loads the Codex into a workspace once: call it when a workspace is created; searches and
 * agent retrievals also call it, so a workspace that missed it (or whose Codex changed since)
 * catches up on first use. A Redis marker makes the common case one GET. The load itself is
 * idempotent (content-hash dedup), runs as the service role (Codex rows belong to the platform),
 * and removes Codex chunks the current documents no longer contain.
 */
export async function ensureCodexKnowledge(
  deps: KnowledgeDeps,
  workspaceId: string,
  options: { force?: boolean } = {},
): Promise<CodexBootstrap> {
  const ws = workspaceId.toLowerCase();
  const current = await codexFingerprint();
  if (!options.force && (await deps.redis.get<string>(markerKey(ws))) === current) {
    return { loaded: false, created: 0, removed: 0 };
  }
  // A concurrent first use is already loading it; this caller goes on without waiting.
  const lock = await tryLock(deps.redis, markerKey(ws), BOOTSTRAP_LOCK_MS);
  if (!lock) return { loaded: false, created: 0, removed: 0 };
  try {
    const system: KnowledgeDeps = { ...deps, claims: undefined };
    const outcome = await ingestMany(system, { workspaceId: ws, actorId: null }, codexDocuments());
    const keep = new Set(outcome.results.flatMap((result) => result.memories.map((memory) => memory.memory_id)));
    const stale = await withService(
      deps.sql,
      (tx) =>
        tx<{ id: string }[]>`
        select id from public.agent_memories
        where workspace_id = ${ws} and namespace = 'codex_knowledge' and source = ${CODEX_SOURCE}`,
    ).then((rows) => rows.map((row) => row.id).filter((id) => !keep.has(id)));
    const removed =
      stale.length === 0
        ? 0
        : (
            await remove(
              system,
              { workspaceId: ws, actorId: null },
              { memoryIds: stale },
              { allowSystem: true, reason: "codex revised" },
            )
          ).deleted.length;
    await deps.redis.set(markerKey(ws), current);
    return { loaded: true, created: outcome.results.reduce((sum, result) => sum + result.created, 0), removed };
  } finally {
    await lock.release();
  }
}
