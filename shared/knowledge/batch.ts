import type { Client as QStashClient } from "@upstash/qstash";
import type { Redis } from "@upstash/redis/cloudflare";
import * as v from "valibot";
import { withService } from "../db/database.ts";
import { lockWorkspaceLog, type RecordedEvent, recordEvent } from "../events/record.ts";
import type { KnowledgeActor, KnowledgeDeps } from "./deps.ts";
import { ingestMany } from "./ingest.ts";
import { KnowledgeInput } from "./input.ts";

/**
 * Large batches go through QStash: the request stores the batch's progress in Redis and
 * publishes one signed message per slice; each delivery ingests its slice and records a
 * `knowledge.batch_progress` event on the workspace channel. Ingestion is idempotent (content
 * hashes), and a slice counts towards progress once however often QStash delivers it.
 */

/**
 * Items ingested in the request itself; larger batches are queued. Each delivery then ingests a
 * slice of the same size, so no invocation does more work than a synchronous request would.
 */
export const INLINE_BATCH_MAX_ITEMS = 10;
export const SLICE_ITEMS = INLINE_BATCH_MAX_ITEMS;
/** Largest batch one request may submit: it bounds one request's fan-out to 50 QStash messages. */
export const MAX_BATCH_ITEMS = 500;

/** Where QStash delivers slices, and reports slices that exhausted their retries. */
export const BATCH_PATH = "/internal/knowledge/batch";
export const BATCH_FAILED_PATH = "/internal/knowledge/batch/failed";

/** QStash's own default: a delivery is retried three times before it is dead-lettered. */
const DELIVERY_RETRIES = 3;
/** Progress is kept a week, long after the last retry of the last slice. */
const PROGRESS_TTL_SECONDS = 7 * 24 * 3_600;

/** One QStash message: a slice of a batch and who submitted it. */
export const BatchSlice = v.strictObject({
  batch_id: v.pipe(v.string(), v.uuid()),
  workspace_id: v.pipe(v.string(), v.uuid()),
  actor_id: v.nullable(v.pipe(v.string(), v.uuid())),
  request_id: v.nullable(v.string()),
  slice: v.pipe(v.number(), v.integer(), v.minValue(0)),
  items: v.pipe(v.array(KnowledgeInput), v.minLength(1), v.maxLength(SLICE_ITEMS)),
});
export type BatchSlice = v.InferOutput<typeof BatchSlice>;

/** A batch's progress, as `GET /knowledge/batch/:batchId` and the progress events report it. */
export interface BatchProgress {
  batch_id: string;
  status: "queued" | "running" | "completed" | "failed";
  total_items: number;
  processed_items: number;
  failed_items: number;
  slices: number;
  done_slices: number;
  failed_slices: number;
  created_chunks: number;
  duplicate_chunks: number;
}

const progressKey = (workspaceId: string, batchId: string) => `knowledge:${workspaceId.toLowerCase()}:batch:${batchId}`;
const doneKey = (workspaceId: string, batchId: string) => `${progressKey(workspaceId, batchId)}:slices`;

/** Joins the public base URL and a path (QStash signs the full URL, so both sides must agree). */
export function publicUrl(baseUrl: string, path: string): string {
  return new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).toString();
}

/** Queues a batch: progress in Redis, then one QStash message per slice. */
export async function enqueueBatch(
  deps: { redis: Redis; qstash: QStashClient; baseUrl: string },
  actor: KnowledgeActor,
  items: readonly KnowledgeInput[],
): Promise<BatchProgress> {
  const workspaceId = actor.workspaceId.toLowerCase();
  const batchId = crypto.randomUUID();
  const slices: BatchSlice[] = [];
  for (let i = 0; i < items.length; i += SLICE_ITEMS) {
    slices.push({
      batch_id: batchId,
      workspace_id: workspaceId,
      actor_id: actor.actorId ?? null,
      request_id: actor.requestId ?? null,
      slice: slices.length,
      items: items.slice(i, i + SLICE_ITEMS),
    });
  }
  const key = progressKey(workspaceId, batchId);
  const initial = { batch_id: batchId, status: "queued", total_items: items.length, slices: slices.length };
  await deps.redis.pipeline().hset(key, initial).expire(key, PROGRESS_TTL_SECONDS).exec();
  // If QStash refuses the batch nothing was queued: drop the progress so no batch waits forever.
  await deps.qstash
    .batchJSON(
      slices.map((slice) => ({
        url: publicUrl(deps.baseUrl, BATCH_PATH),
        body: slice,
        retries: DELIVERY_RETRIES,
        deduplicationId: `${batchId}-${slice.slice}`,
        failureCallback: publicUrl(deps.baseUrl, BATCH_FAILED_PATH),
        label: "knowledge",
      })),
    )
    .catch(async (error: unknown) => {
      await deps.redis.del(key);
      throw error;
    });
  return (await batchProgress(deps.redis, workspaceId, batchId))!;
}

/** Ingests one slice (as the service role) and advances the batch's progress once per slice. */
export async function processSlice(deps: KnowledgeDeps, slice: BatchSlice): Promise<BatchProgress | undefined> {
  const system: KnowledgeDeps = { ...deps, claims: undefined };
  const actor = { workspaceId: slice.workspace_id, actorId: slice.actor_id, requestId: slice.request_id };
  const outcome = await ingestMany(system, actor, slice.items);
  const created = outcome.results.reduce((sum, result) => sum + result.created, 0);
  const duplicates = outcome.results.reduce((sum, result) => sum + result.duplicates, 0);
  return advance(deps, slice, { processed: slice.items.length, failed: 0, created, duplicates });
}

/** Counts a slice that exhausted its retries as failed (the QStash failure callback). */
export function failSlice(deps: KnowledgeDeps, slice: BatchSlice): Promise<BatchProgress | undefined> {
  return advance(deps, slice, { processed: 0, failed: slice.items.length, created: 0, duplicates: 0 });
}

/** A batch's progress, or undefined if the workspace has no such batch (or it expired). */
export async function batchProgress(
  redis: Redis,
  workspaceId: string,
  batchId: string,
): Promise<BatchProgress | undefined> {
  const raw = await redis.hgetall<Record<string, string | number>>(progressKey(workspaceId, batchId));
  if (!raw || raw.batch_id === undefined) return undefined;
  const n = (field: string) => Number(raw[field] ?? 0);
  const slices = n("slices");
  const done = n("done_slices");
  const failed = n("failed_slices");
  const finished = done + failed >= slices;
  return {
    batch_id: String(raw.batch_id),
    status: finished ? (failed > 0 ? "failed" : "completed") : done + failed > 0 ? "running" : "queued",
    total_items: n("total_items"),
    processed_items: n("processed_items"),
    failed_items: n("failed_items"),
    slices,
    done_slices: done,
    failed_slices: failed,
    created_chunks: n("created_chunks"),
    duplicate_chunks: n("duplicate_chunks"),
  };
}

async function advance(
  deps: KnowledgeDeps,
  slice: BatchSlice,
  counts: { processed: number; failed: number; created: number; duplicates: number },
): Promise<BatchProgress | undefined> {
  const key = progressKey(slice.workspace_id, slice.batch_id);
  // SADD answers 1 only the first time: a redelivered slice changes nothing.
  const first = await deps.redis.sadd(doneKey(slice.workspace_id, slice.batch_id), slice.slice);
  if (first === 1) {
    await deps.redis
      .pipeline()
      .expire(doneKey(slice.workspace_id, slice.batch_id), PROGRESS_TTL_SECONDS)
      .hincrby(key, counts.failed > 0 ? "failed_slices" : "done_slices", 1)
      .hincrby(key, "processed_items", counts.processed)
      .hincrby(key, "failed_items", counts.failed)
      .hincrby(key, "created_chunks", counts.created)
      .hincrby(key, "duplicate_chunks", counts.duplicates)
      .exec();
  }
  if (first !== 1) return batchProgress(deps.redis, slice.workspace_id, slice.batch_id);
  // Slices finish concurrently: read the snapshot under the workspace log's lock so events commit
  // in snapshot order and the last progress event is always the latest state.
  const recorded = await withService(deps.sql, async (tx) => {
    await lockWorkspaceLog(tx, slice.workspace_id);
    const progress = await batchProgress(deps.redis, slice.workspace_id, slice.batch_id);
    if (!progress) return undefined;
    const event = await recordEvent(tx, {
      workspaceId: slice.workspace_id,
      type: "knowledge.batch_progress",
      payload: { ...progress, slice: slice.slice },
      actorId: slice.actor_id,
      requestId: slice.request_id,
    });
    return { progress, event };
  });
  if (!recorded) return undefined;
  await deps.publish?.([recorded.event] as RecordedEvent[]);
  return recorded.progress;
}
