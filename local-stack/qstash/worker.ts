import type { QStashContext } from "./context.ts";
import { attemptDelivery } from "./delivery.ts";
import { logEvent } from "./event-log.ts";
import { type Loop, startLoop } from "./loop.ts";
import { claimDue, extendClaim, getMessage, reclaimExpired, releaseClaim, requeue } from "./message-store.ts";
import { settleAttempt } from "./outcomes.ts";
import { dispatchQueues, holdsQueueSlot, parkInQueue } from "./queue-store.ts";

/** Attempts running at once; more due messages wait for the next tick. */
const maxInFlight = 32;
/** First lease on a claim, extended to the message's own timeout once it is read. */
const initialLeaseMs = 30_000;
const leaseMarginMs = 5_000;

async function deliver(ctx: QStashContext, id: string, closing: AbortSignal): Promise<void> {
  const message = await getMessage(ctx, id);
  if (!message) return await releaseClaim(ctx, id); // cancelled after it became due
  if (message.queueName && !(await holdsQueueSlot(ctx, id, message.queueName))) {
    return await parkInQueue(ctx, id, message.queueName); // a delayed queued message now waits its turn
  }
  await extendClaim(ctx, id, ctx.now() + message.timeoutMs + leaseMarginMs);
  await logEvent(ctx, message, "ACTIVE");
  const result = await attemptDelivery(message, ctx.signingKeys.current, ctx.now(), closing);
  if (result.kind === "aborted") return await requeue(ctx, message, ctx.now());
  await settleAttempt(ctx, message, result);
}

/**
 * The delivery loop: recovers lapsed claims, fills free queue slots, claims due messages and
 * attempts them concurrently. `stop()` cuts running attempts short and puts them back as due,
 * so a stand-in started later on the same namespace delivers them.
 */
export function startWorker(ctx: QStashContext, pollIntervalMs: number, onError: (error: unknown) => void): Loop {
  const inFlight = new Set<Promise<void>>();
  const closing = new AbortController();
  const tick = async () => {
    await reclaimExpired(ctx);
    await dispatchQueues(ctx);
    const free = maxInFlight - inFlight.size;
    if (free <= 0) return;
    for (const id of await claimDue(ctx, free, ctx.now() + initialLeaseMs)) {
      const attempt = deliver(ctx, id, closing.signal)
        .catch(onError)
        .finally(() => inFlight.delete(attempt));
      inFlight.add(attempt);
    }
  };
  const loop = startLoop(pollIntervalMs, tick, onError);
  return {
    stop: async () => {
      await loop.stop();
      closing.abort();
      await Promise.allSettled(inFlight);
    },
  };
}
