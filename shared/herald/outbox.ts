import type { Redis } from "@upstash/redis/cloudflare";
import * as v from "valibot";
import { NOTIFICATION_CHANNELS } from "../domain/herald/index.ts";

/** Messages the local outbox keeps per workspace; older ones fall off. */
export const OUTBOX_CAPACITY = 500;
/** Seconds an outbox lives after its last message. */
const OUTBOX_TTL_SECONDS = 7 * 24 * 60 * 60;

const OutboxEntrySchema = v.object({
  id: v.string(),
  notification_id: v.string(),
  channel: v.picklist(NOTIFICATION_CHANNELS),
  to: v.string(),
  subject: v.nullable(v.string()),
  body: v.string(),
  delivered_at: v.string(),
});

/** A message the local outbox "delivered": what a real provider would have been sent. */
export type OutboxEntry = v.InferOutput<typeof OutboxEntrySchema>;

/** The Redis list holding a workspace's outbox, newest first. */
export function outboxKey(workspaceId: string): string {
  return `herald:outbox:${workspaceId}`;
}

/** Appends a message to the workspace's outbox (capped and expiring, in one round trip). */
export async function appendToOutbox(redis: Redis, workspaceId: string, entry: OutboxEntry): Promise<void> {
  const key = outboxKey(workspaceId);
  await redis
    .multi()
    .lpush(key, JSON.stringify(entry))
    .ltrim(key, 0, OUTBOX_CAPACITY - 1)
    .expire(key, OUTBOX_TTL_SECONDS)
    .exec();
}

/** The newest `limit` messages of the workspace's outbox, newest first; unreadable entries are skipped. */
export async function readOutbox(redis: Redis, workspaceId: string, limit: number): Promise<OutboxEntry[]> {
  const raw = await redis.lrange<unknown>(outboxKey(workspaceId), 0, limit - 1);
  return raw.flatMap((item) => {
    let value = item;
    if (typeof item === "string") {
      try {
        value = JSON.parse(item);
      } catch {
        return [];
      }
    }
    const parsed = v.safeParse(OutboxEntrySchema, value);
    return parsed.success ? [parsed.output] : [];
  });
}
