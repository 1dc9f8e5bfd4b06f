import { retryDelayMs } from "./backoff.ts";
import { callbackDraft, callbackPayload } from "./callbacks.ts";
import type { QStashContext } from "./context.ts";
import { type AttemptResult, isDelivered } from "./delivery.ts";
import { addToDlq } from "./dlq-store.ts";
import { toBase64 } from "./encoding.ts";
import { type EventDetail, logEvent } from "./event-log.ts";
import { messageExists, removeMessage, requeue } from "./message-store.ts";
import { publish } from "./publisher.ts";
import { recordScheduleState } from "./schedule-store.ts";
import type { CallbackConfig, ResponseRecord, StoredMessage } from "./types.ts";

function responseRecord(result: AttemptResult): ResponseRecord {
  if (result.kind === "response") {
    return { status: result.status, header: result.header, bodyBase64: toBase64(result.body) };
  }
  return { error: result.kind === "error" ? result.error : "aborted" };
}

function errorDetail(result: AttemptResult): EventDetail {
  const response = responseRecord(result);
  return {
    error: response.error ?? `destination returned ${response.status}`,
    responseStatus: response.status,
    responseHeaders: response.header,
    responseBodyBase64: response.bodyBase64,
  };
}

async function sendCallback(
  ctx: QStashContext,
  message: StoredMessage,
  config: CallbackConfig | undefined,
  result: AttemptResult,
  dlqId?: string,
): Promise<void> {
  // Callbacks are messages too; theirs would recurse forever.
  if (!config || message.isCallback) return;
  await publish(ctx, callbackDraft(message, config, callbackPayload(message, result, dlqId), ctx.now()));
}

/**
 * Applies the outcome of an attempt: delivered, or retried after backoff, or — retries exhausted —
 * moved to the DLQ with its failure callback. `Upstash-Callback` fires after every attempt, as
 * QStash documents (`retried == maxRetries` marks the last one).
 */
export async function settleAttempt(ctx: QStashContext, message: StoredMessage, result: AttemptResult): Promise<void> {
  if (isDelivered(result)) {
    await logEvent(ctx, message, "DELIVERED");
    await sendCallback(ctx, message, message.callback, result);
    await removeMessage(ctx, message);
    if (message.scheduleId) await recordScheduleState(ctx, message.scheduleId, message.messageId, "SUCCESS");
    return;
  }
  await logEvent(ctx, message, "ERROR", errorDetail(result));
  await sendCallback(ctx, message, message.callback, result);
  if (!(await messageExists(ctx, message.messageId))) return; // cancelled while the attempt ran
  if (message.retried < message.maxRetries) {
    const retried = message.retried + 1;
    const nextDeliveryTime = ctx.now() + retryDelayMs(retried, ctx.backoffScale, message.retryDelayExpression);
    const next = { ...message, retried };
    await logEvent(ctx, next, "RETRY", { nextDeliveryTime });
    await requeue(ctx, next, nextDeliveryTime);
    return;
  }
  const entry = await addToDlq(ctx, message, responseRecord(result));
  await logEvent(ctx, message, "FAILED", errorDetail(result));
  await sendCallback(ctx, message, message.failureCallback, result, entry.dlqId);
  await removeMessage(ctx, message);
  if (message.scheduleId) await recordScheduleState(ctx, message.scheduleId, message.messageId, "FAIL");
}
