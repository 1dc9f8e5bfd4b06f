import type { RecordedEvent } from "../events/record.ts";
import { dbOf, type KnowledgeActor, type KnowledgeDeps } from "./deps.ts";
import { KnowledgeError } from "./errors.ts";
import { type IngestResult, ingest } from "./ingest.ts";
import type { KnowledgeInput } from "./input.ts";
import { type DeletedMemory, selectMemories } from "./memories.ts";
import { remove } from "./remove.ts";

/** What superseding did: the replacement's ingest, the old chunks removed, and the events. */
export interface SupersedeOutcome {
  replacement: IngestResult;
  removed: DeletedMemory[];
  knowledgeVersion: number | null;
  events: RecordedEvent[];
}

/**
 * Replaces knowledge with a revised document (the Cognition Lord revising what an outcome
 * contradicted): ingests the replacement first, so nothing is lost if that fails, then removes
 * the old document's chunks except those the replacement kept word for word. The deletion event
 * names the replacement (`superseded_by`); the events log is the history.
 */
export async function supersede(
  deps: KnowledgeDeps,
  actor: KnowledgeActor,
  target: { documentId: string } | { memoryId: string },
  replacement: KnowledgeInput,
  options: { reason?: string; allowSystem?: boolean } = {},
): Promise<SupersedeOutcome> {
  const workspaceId = actor.workspaceId.toLowerCase();
  const old = await dbOf(deps)((tx) => selectMemories(tx, workspaceId, target));
  if (old.length === 0) throw new KnowledgeError("NOT_FOUND", "No such knowledge in this workspace");
  // A memory id stands for its whole document: the revision replaces the document, not one chunk.
  const documentId = "documentId" in target ? target.documentId : old[0]!.document_id;
  const oldRows = documentId ? await dbOf(deps)((tx) => selectMemories(tx, workspaceId, { documentId })) : old;

  const ingested = await ingest(deps, actor, replacement);
  const result = ingested.results[0]!;
  const kept = new Set(result.memories.map((memory) => memory.memory_id));
  const stale = oldRows.filter((row) => !kept.has(row.id)).map((row) => row.id);
  if (stale.length === 0) {
    return { replacement: result, removed: [], knowledgeVersion: ingested.knowledgeVersion, events: ingested.events };
  }
  const removed = await remove(
    deps,
    actor,
    { memoryIds: stale },
    {
      allowSystem: options.allowSystem,
      reason: options.reason ?? "superseded",
      supersededBy: result.document_id,
    },
  );
  return {
    replacement: result,
    removed: removed.deleted,
    knowledgeVersion: removed.knowledgeVersion,
    events: [...ingested.events, ...removed.events],
  };
}
