import type { QStashContext } from "./context.ts";
import { type Filters, matchesFilters, takePage } from "./filters.ts";
import type { LogEvent, MessageState, StoredMessage } from "./types.ts";

/** The log keeps the most recent events only, like QStash's retention window. */
const maxEvents = 5_000;

/** Extra detail some states carry (errors, the next retry). */
export type EventDetail = Pick<
  LogEvent,
  "error" | "nextDeliveryTime" | "responseStatus" | "responseHeaders" | "responseBodyBase64"
>;

/** Records a message entering a state. */
export async function logEvent(
  ctx: QStashContext,
  message: StoredMessage,
  state: MessageState,
  detail: EventDetail = {},
): Promise<void> {
  const seq = await ctx.redis.incr(ctx.keys.sequence);
  const event: LogEvent = {
    seq,
    time: ctx.now(),
    state,
    messageId: message.messageId,
    url: message.url,
    method: message.method,
    header: message.header,
    bodyBase64: message.bodyBase64,
    maxRetries: message.maxRetries,
    queueName: message.queueName,
    scheduleId: message.scheduleId,
    labels: message.labels,
    callback: message.callback?.url,
    failureCallback: message.failureCallback?.url,
    ...detail,
  };
  await ctx.redis
    .multi()
    .zadd(ctx.keys.events, seq, JSON.stringify(event))
    .zremrangebyrank(ctx.keys.events, 0, -(maxEvents + 1))
    .exec();
}

/** A page of events, newest first, before `cursor`, optionally limited to some message ids. */
export async function listEvents(
  ctx: QStashContext,
  options: { filters: Filters; messageIds: string[]; cursor?: string; count: number },
): Promise<{ events: LogEvent[]; cursor?: string }> {
  const max = options.cursor ? `(${Number(options.cursor)}` : "+inf";
  const members = await ctx.redis.zrevrangebyscore(ctx.keys.events, max, "-inf");
  const items = members.map((json) => {
    const item = JSON.parse(json) as LogEvent;
    return { item, score: item.seq };
  });
  const keep = (event: LogEvent) =>
    (options.messageIds.length === 0 || options.messageIds.includes(event.messageId)) &&
    matchesFilters(event, options.filters);
  const { page, cursor } = takePage(items, keep, options.count);
  return { events: page, cursor };
}
