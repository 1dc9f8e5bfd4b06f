import type { QStashContext } from "./context.ts";
import type { StoredMessage } from "./types.ts";

/** QStash remembers deduplication ids for ten minutes. */
const dedupWindowSeconds = 600;

/** Moves due ids into the in-flight set atomically, so two stand-ins on one namespace never both deliver. */
const claimScript = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', KEYS[2], ARGV[3], id)
end
return ids`;

/** Puts back claims whose lease lapsed: the stand-in that held them stopped without finishing. */
const reclaimScript = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZADD', KEYS[1], ARGV[1], id)
end
return #ids`;

/** Reads one live message. */
export async function getMessage(ctx: QStashContext, id: string): Promise<StoredMessage | undefined> {
  const json = await ctx.redis.get(ctx.keys.message(id));
  return json ? (JSON.parse(json) as StoredMessage) : undefined;
}

/** Reads several live messages, skipping ids that are gone. */
export async function getMessages(ctx: QStashContext, ids: string[]): Promise<StoredMessage[]> {
  if (ids.length === 0) return [];
  const values = await ctx.redis.mget(ids.map(ctx.keys.message));
  return values.flatMap((json) => (json ? [JSON.parse(json) as StoredMessage] : []));
}

/** Ids of every message not yet delivered, failed or cancelled. */
export async function pendingMessageIds(ctx: QStashContext): Promise<string[]> {
  return await ctx.redis.smembers(ctx.keys.pending);
}

/**
 * Stores a new message and makes it deliverable: queued messages that are already due wait in
 * their queue's FIFO list, everything else waits in the due set until its time.
 */
export async function insertMessage(ctx: QStashContext, message: StoredMessage): Promise<void> {
  const { keys } = ctx;
  const tx = ctx.redis
    .multi()
    .set(keys.message(message.messageId), JSON.stringify(message))
    .sadd(keys.pending, message.messageId);
  if (message.queueName && message.notBefore <= ctx.now())
    tx.rpush(keys.queueReady(message.queueName), message.messageId);
  else tx.zadd(keys.due, message.notBefore, message.messageId);
  await tx.exec();
}

/** Claims a deduplication id for `messageId`; returns the id of the earlier message when already taken. */
export async function reserveDeduplication(
  ctx: QStashContext,
  deduplicationId: string,
  messageId: string,
): Promise<string | undefined> {
  const key = ctx.keys.dedup(deduplicationId);
  const claimed = await ctx.redis.set(key, messageId, "EX", dedupWindowSeconds, "NX");
  return claimed ? undefined : ((await ctx.redis.get(key)) ?? undefined);
}

/** Claims up to `limit` due message ids, leasing each until `leaseUntil`. */
export async function claimDue(ctx: QStashContext, limit: number, leaseUntil: number): Promise<string[]> {
  const { keys } = ctx;
  return (await ctx.redis.eval(claimScript, 2, keys.due, keys.inflight, ctx.now(), limit, leaseUntil)) as string[];
}

/** Extends the lease on a claimed message, once its own timeout is known. */
export async function extendClaim(ctx: QStashContext, id: string, leaseUntil: number): Promise<void> {
  await ctx.redis.zadd(ctx.keys.inflight, "XX", leaseUntil, id);
}

/** Drops a claim without delivering (the message is gone or waits in its queue instead). */
export async function releaseClaim(ctx: QStashContext, id: string): Promise<void> {
  await ctx.redis.zrem(ctx.keys.inflight, id);
}

/** Returns lapsed claims to the due set. */
export async function reclaimExpired(ctx: QStashContext): Promise<void> {
  await ctx.redis.eval(reclaimScript, 2, ctx.keys.due, ctx.keys.inflight, ctx.now());
}

/** Saves a claimed message and makes it due again at `at` (a retry, or an attempt cut short by close). */
export async function requeue(ctx: QStashContext, message: StoredMessage, at: number): Promise<void> {
  const { keys } = ctx;
  await ctx.redis
    .multi()
    .set(keys.message(message.messageId), JSON.stringify(message))
    .zrem(keys.inflight, message.messageId)
    .zadd(keys.due, at, message.messageId)
    .exec();
}

/** Whether a message is still live (not cancelled while an attempt was under way). */
export async function messageExists(ctx: QStashContext, id: string): Promise<boolean> {
  return (await ctx.redis.exists(ctx.keys.message(id))) === 1;
}

/** Forgets a message everywhere it could wait, freeing its queue slot. */
export async function removeMessage(ctx: QStashContext, message: StoredMessage): Promise<void> {
  const { keys } = ctx;
  const id = message.messageId;
  const tx = ctx.redis.multi().del(keys.message(id)).srem(keys.pending, id).zrem(keys.due, id).zrem(keys.inflight, id);
  if (message.queueName)
    tx.srem(keys.queueActive(message.queueName), id).lrem(keys.queueReady(message.queueName), 0, id);
  await tx.exec();
}
