import type { QStashContext } from "./context.ts";
import { type Filters, matchesFilters, takePage } from "./filters.ts";
import type { DlqRecord, ResponseRecord, StoredMessage } from "./types.ts";

/** Moves a message that exhausted its retries into the DLQ; DLQ ids look like QStash's (`1725323658779-0`). */
export async function addToDlq(
  ctx: QStashContext,
  message: StoredMessage,
  response: ResponseRecord,
): Promise<DlqRecord> {
  const seq = await ctx.redis.incr(ctx.keys.sequence);
  const failedAt = ctx.now();
  const record: DlqRecord = { ...message, dlqId: `${failedAt}-${seq}`, failedAt, response };
  await ctx.redis
    .multi()
    .set(ctx.keys.dlqEntry(record.dlqId), JSON.stringify(record))
    .zadd(ctx.keys.dlq, seq, record.dlqId)
    .exec();
  return record;
}

/** One DLQ entry, or undefined. */
export async function getDlqEntry(ctx: QStashContext, dlqId: string): Promise<DlqRecord | undefined> {
  const json = await ctx.redis.get(ctx.keys.dlqEntry(dlqId));
  return json ? (JSON.parse(json) as DlqRecord) : undefined;
}

/** Several DLQ entries by id, skipping unknown ones. */
export async function getDlqEntries(ctx: QStashContext, dlqIds: string[]): Promise<DlqRecord[]> {
  if (dlqIds.length === 0) return [];
  const values = await ctx.redis.mget(dlqIds.map(ctx.keys.dlqEntry));
  return values.flatMap((json) => (json ? [JSON.parse(json) as DlqRecord] : []));
}

/** The fields DLQ filters look at. */
function dlqFilterable(record: DlqRecord) {
  return {
    messageId: record.messageId,
    url: record.url,
    time: record.failedAt,
    queueName: record.queueName,
    scheduleId: record.scheduleId,
    labels: record.labels,
    flowControlKey: record.flowControl?.key,
    callerIp: record.callerIp,
    responseStatus: record.response.status,
  };
}

/** A page of DLQ entries, oldest first, after `cursor`. */
export async function listDlq(
  ctx: QStashContext,
  options: { filters: Filters; cursor?: string; count: number },
): Promise<{ entries: DlqRecord[]; cursor?: string }> {
  const min = options.cursor ? `(${Number(options.cursor)}` : "-inf";
  const flat = await ctx.redis.zrangebyscore(ctx.keys.dlq, min, "+inf", "WITHSCORES");
  const scored: Array<{ id: string; score: number }> = [];
  for (let i = 0; i < flat.length; i += 2) scored.push({ id: flat[i]!, score: Number(flat[i + 1]) });
  const records = new Map(
    (
      await getDlqEntries(
        ctx,
        scored.map((s) => s.id),
      )
    ).map((r) => [r.dlqId, r]),
  );
  const items = scored.flatMap(({ id, score }) => {
    const item = records.get(id);
    return item ? [{ item, score }] : [];
  });
  const { page, cursor } = takePage(items, (r) => matchesFilters(dlqFilterable(r), options.filters), options.count);
  return { entries: page, cursor };
}

/** Removes DLQ entries; returns how many existed. */
export async function removeDlqEntries(ctx: QStashContext, dlqIds: string[]): Promise<number> {
  if (dlqIds.length === 0) return 0;
  const results = await ctx.redis
    .multi()
    .zrem(ctx.keys.dlq, ...dlqIds)
    .del(...dlqIds.map(ctx.keys.dlqEntry))
    .exec();
  return Number(results?.[0]?.[1] ?? 0);
}
