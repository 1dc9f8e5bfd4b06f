import { type RecordedEvent, recordEvent } from "../events/record.ts";
import { afterKnowledgeChange } from "./after-change.ts";
import { dbOf, type KnowledgeActor, type KnowledgeDeps } from "./deps.ts";
import { KnowledgeError } from "./errors.ts";
import { type DeletedMemory, deleteMemories, type MemorySelector, selectMemories } from "./memories.ts";
import { deleteChunks } from "./vector-store.ts";
import { type Collection, SYSTEM_COLLECTIONS } from "./vocabulary.ts";

/** How a removal is described and what it may touch. */
export interface RemoveOptions {
  /** Allow removing the platform's own (Codex) knowledge; only the platform passes this. */
  allowSystem?: boolean;
  /** Recorded on the event: why the knowledge went. */
  reason?: string;
  /** Recorded on the event when new knowledge replaced this one. */
  supersededBy?: string | null;
}

/** What a removal deleted, the knowledge version after it, and its events. */
export interface RemoveOutcome {
  deleted: DeletedMemory[];
  knowledgeVersion: number | null;
  events: RecordedEvent[];
}

/**
 * Deletes memories (one, a document's chunks, or a list) and their vectors in one transaction:
 * rows first, then vectors, so a failed vector delete rolls the rows back. Nothing matched is
 * `NOT_FOUND`; Codex knowledge is refused unless `allowSystem`.
 */
export async function remove(
  deps: KnowledgeDeps,
  actor: KnowledgeActor,
  selector: MemorySelector,
  options: RemoveOptions = {},
): Promise<RemoveOutcome> {
  const workspaceId = actor.workspaceId.toLowerCase();
  const { deleted, event } = await dbOf(deps)(async (tx) => {
    if (!options.allowSystem) {
      const targets = await selectMemories(tx, workspaceId, selector);
      if (targets.some((row) => SYSTEM_COLLECTIONS.has(row.namespace))) {
        throw new KnowledgeError(
          "SYSTEM_KNOWLEDGE",
          "Codex knowledge is maintained by the platform and cannot be deleted",
        );
      }
    }
    const deleted = await deleteMemories(tx, workspaceId, selector);
    if (deleted.length === 0) throw new KnowledgeError("NOT_FOUND", "No such knowledge in this workspace");
    const byCollection = new Map<Collection, string[]>();
    for (const row of deleted)
      byCollection.set(row.namespace, [...(byCollection.get(row.namespace) ?? []), row.vector_id]);
    for (const [collection, ids] of byCollection) await deleteChunks(deps.vector, collection, ids);
    const event = await recordEvent(tx, {
      workspaceId,
      type: "knowledge.deleted",
      payload: {
        memory_ids: deleted.map((row) => row.id),
        document_ids: [...new Set(deleted.map((row) => row.document_id).filter((id) => id !== null))],
        collections: [...byCollection.keys()],
        ...(options.reason ? { reason: options.reason } : {}),
        ...(options.supersededBy ? { superseded_by: options.supersededBy } : {}),
      },
      actorId: actor.actorId ?? null,
      requestId: actor.requestId ?? null,
    });
    return { deleted, event };
  });
  const after = await afterKnowledgeChange(
    deps,
    actor,
    deleted.map((row) => ({ collection: row.namespace, template: row.template, category: row.category })),
    "knowledge.deleted",
  );
  const events = [event, ...after.events];
  await deps.publish?.(events);
  return { deleted, knowledgeVersion: after.knowledgeVersion, events };
}
