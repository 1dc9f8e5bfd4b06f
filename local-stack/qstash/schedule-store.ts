import type { QStashContext } from "./context.ts";
import type { StoredSchedule } from "./types.ts";

/** Outcome of a message a schedule created, as `lastScheduleStates` reports it. */
export type ScheduleMessageState = "IN_PROGRESS" | "SUCCESS" | "FAIL";

/** Takes due schedule ids out of the due set; only the stand-in whose ZREM wins runs the schedule. */
const claimScript = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, id in ipairs(ids) do redis.call('ZREM', KEYS[1], id) end
return ids`;

/** Only records a state for messages of the schedule's latest run. */
const recordStateScript = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 0`;

/** Stores a schedule and (re)arms it for its next run unless paused. */
export async function saveSchedule(ctx: QStashContext, schedule: StoredSchedule): Promise<void> {
  const { keys } = ctx;
  const tx = ctx.redis.multi().hset(keys.schedules, schedule.scheduleId, JSON.stringify(schedule));
  if (schedule.isPaused || schedule.nextScheduleTime === undefined) tx.zrem(keys.scheduleDue, schedule.scheduleId);
  else tx.zadd(keys.scheduleDue, schedule.nextScheduleTime, schedule.scheduleId);
  await tx.exec();
}

/** One schedule, or undefined. */
export async function getSchedule(ctx: QStashContext, scheduleId: string): Promise<StoredSchedule | undefined> {
  const json = await ctx.redis.hget(ctx.keys.schedules, scheduleId);
  return json ? (JSON.parse(json) as StoredSchedule) : undefined;
}

/** Every schedule, oldest first. */
export async function listSchedules(ctx: QStashContext): Promise<StoredSchedule[]> {
  const all = await ctx.redis.hvals(ctx.keys.schedules);
  return all.map((json) => JSON.parse(json) as StoredSchedule).sort((a, b) => a.createdAt - b.createdAt);
}

/** Deletes a schedule; messages it already published stay. */
export async function deleteSchedule(ctx: QStashContext, scheduleId: string): Promise<void> {
  const { keys } = ctx;
  await ctx.redis
    .multi()
    .hdel(keys.schedules, scheduleId)
    .zrem(keys.scheduleDue, scheduleId)
    .del(keys.scheduleStates(scheduleId))
    .exec();
}

/** Claims the ids of schedules whose next run has come. */
export async function claimDueSchedules(ctx: QStashContext): Promise<string[]> {
  return (await ctx.redis.eval(claimScript, 1, ctx.keys.scheduleDue, ctx.now())) as string[];
}

/** Starts tracking the messages of a schedule's latest run. */
export async function startScheduleRun(ctx: QStashContext, scheduleId: string, messageIds: string[]): Promise<void> {
  const key = ctx.keys.scheduleStates(scheduleId);
  const tx = ctx.redis.multi().del(key);
  for (const id of messageIds) tx.hset(key, id, "IN_PROGRESS");
  await tx.exec();
}

/** Records how a message of the latest run ended. */
export async function recordScheduleState(
  ctx: QStashContext,
  scheduleId: string,
  messageId: string,
  state: ScheduleMessageState,
): Promise<void> {
  await ctx.redis.eval(recordStateScript, 1, ctx.keys.scheduleStates(scheduleId), messageId, state);
}

/** States of the messages of the latest run. */
export async function scheduleStates(ctx: QStashContext, scheduleId: string): Promise<Record<string, string>> {
  return await ctx.redis.hgetall(ctx.keys.scheduleStates(scheduleId));
}
