import type { QStashContext } from "./context.ts";
import type { QueueConfig } from "./types.ts";

/** A queue as `/v2/queues` reports it. */
export interface QueueView extends QueueConfig {
  /** Messages waiting in the queue or holding one of its slots. */
  lag: number;
}

/**
 * Hands waiting messages to the due set while the queue has free slots. Run atomically so the
 * slot count never overshoots `parallelism`; with parallelism 1 delivery is strictly FIFO.
 */
const dispatchScript = `
local settings = redis.call('HMGET', KEYS[1], 'parallelism', 'paused')
if settings[2] == 'true' then return 0 end
local parallelism = tonumber(settings[1]) or 1
local moved = 0
while redis.call('SCARD', KEYS[3]) < parallelism do
  local id = redis.call('LPOP', KEYS[2])
  if not id then break end
  redis.call('SADD', KEYS[3], id)
  redis.call('ZADD', KEYS[4], ARGV[1], id)
  moved = moved + 1
end
return moved`;

/** QStash accepts alphanumerics, hyphens, periods and underscores in queue names. */
export function isValidQueueName(name: string): boolean {
  return /^[A-Za-z0-9._-]+$/.test(name);
}

/** Creates or updates a queue's settings. */
export async function upsertQueue(
  ctx: QStashContext,
  name: string,
  settings: { parallelism: number; paused: boolean },
): Promise<void> {
  const now = ctx.now();
  const key = ctx.keys.queue(name);
  await ctx.redis
    .multi()
    .hsetnx(key, "createdAt", now)
    .hset(key, { parallelism: settings.parallelism, paused: String(settings.paused), updatedAt: now })
    .sadd(ctx.keys.queues, name)
    .exec();
}

/** Creates a queue with default settings if it does not exist (enqueueing does that in QStash). */
export async function ensureQueue(ctx: QStashContext, name: string): Promise<void> {
  const now = ctx.now();
  const key = ctx.keys.queue(name);
  await ctx.redis
    .multi()
    .hsetnx(key, "createdAt", now)
    .hsetnx(key, "updatedAt", now)
    .hsetnx(key, "parallelism", 1)
    .hsetnx(key, "paused", "false")
    .sadd(ctx.keys.queues, name)
    .exec();
}

/** One queue with its lag, or undefined. */
export async function getQueue(ctx: QStashContext, name: string): Promise<QueueView | undefined> {
  const { keys } = ctx;
  const [settings, waiting, active] = await Promise.all([
    ctx.redis.hgetall(keys.queue(name)),
    ctx.redis.llen(keys.queueReady(name)),
    ctx.redis.scard(keys.queueActive(name)),
  ]);
  if (!settings.createdAt) return undefined;
  return {
    name,
    parallelism: Number(settings.parallelism ?? 1),
    paused: settings.paused === "true",
    createdAt: Number(settings.createdAt),
    updatedAt: Number(settings.updatedAt ?? settings.createdAt),
    lag: waiting + active,
  };
}

/** Every queue, oldest first. */
export async function listQueues(ctx: QStashContext): Promise<QueueView[]> {
  const names = await ctx.redis.smembers(ctx.keys.queues);
  const queues = await Promise.all(names.map((name) => getQueue(ctx, name)));
  return queues.filter((queue) => queue !== undefined).sort((a, b) => a.createdAt - b.createdAt);
}

/** Pauses or resumes a queue; false when it does not exist. */
export async function setQueuePaused(ctx: QStashContext, name: string, paused: boolean): Promise<boolean> {
  const key = ctx.keys.queue(name);
  if (!(await ctx.redis.exists(key))) return false;
  await ctx.redis.hset(key, { paused: String(paused), updatedAt: ctx.now() });
  return true;
}

/** Forgets a queue's settings and bookkeeping (its messages are cancelled by the caller first). */
export async function deleteQueue(ctx: QStashContext, name: string): Promise<void> {
  const { keys } = ctx;
  await ctx.redis
    .multi()
    .del(keys.queue(name), keys.queueReady(name), keys.queueActive(name))
    .srem(keys.queues, name)
    .exec();
}

/** Moves waiting messages of every queue into free slots. */
export async function dispatchQueues(ctx: QStashContext): Promise<void> {
  const { keys } = ctx;
  const names = await ctx.redis.smembers(keys.queues);
  for (const name of names) {
    await ctx.redis.eval(
      dispatchScript,
      4,
      keys.queue(name),
      keys.queueReady(name),
      keys.queueActive(name),
      keys.due,
      ctx.now(),
    );
  }
}

/** Whether a queued message already holds a slot (it was dispatched, or is between retries). */
export async function holdsQueueSlot(ctx: QStashContext, id: string, queueName: string): Promise<boolean> {
  return (await ctx.redis.sismember(ctx.keys.queueActive(queueName), id)) === 1;
}

/** A delayed queued message became due: it joins the back of its queue instead of jumping it. */
export async function parkInQueue(ctx: QStashContext, id: string, queueName: string): Promise<void> {
  const { keys } = ctx;
  await ctx.redis.multi().rpush(keys.queueReady(queueName), id).zrem(keys.inflight, id).exec();
}
