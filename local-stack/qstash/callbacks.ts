import type { AttemptResult } from "./delivery.ts";
import { toBase64 } from "./encoding.ts";
import type { CallbackConfig, MessageDraft, StoredMessage } from "./types.ts";

/**
 * The JSON body QStash posts to `Upstash-Callback` after an attempt and to `Upstash-Failure-Callback`
 * once retries are exhausted (then with `dlqId`). Timestamps are strings, as QStash documents them.
 */
export function callbackPayload(message: StoredMessage, result: AttemptResult, dlqId?: string) {
  const response = result.kind === "response" ? result : undefined;
  return {
    status: response?.status ?? 0,
    header: response?.header ?? {},
    body: response ? toBase64(response.body) : "",
    retried: message.retried,
    maxRetries: message.maxRetries,
    ...(dlqId ? { dlqId } : {}),
    sourceMessageId: message.messageId,
    url: message.url,
    method: message.method,
    sourceHeader: message.header,
    sourceBody: message.bodyBase64,
    notBefore: String(message.notBefore),
    createdAt: String(message.createdAt),
    ...(message.queueName ? { queueName: message.queueName } : {}),
    ...(message.scheduleId ? { scheduleId: message.scheduleId } : {}),
    ...(message.callerIp ? { callerIP: message.callerIp } : {}),
  };
}

/** A callback is a message of its own; unset callback settings fall back to the source message's. */
export function callbackDraft(
  source: StoredMessage,
  config: CallbackConfig,
  payload: ReturnType<typeof callbackPayload>,
  now: number,
): MessageDraft {
  return {
    url: config.url,
    method: config.method ?? "POST",
    header: { ...config.header, "Content-Type": ["application/json"] },
    bodyBase64: toBase64(JSON.stringify(payload)),
    maxRetries: config.retries ?? source.maxRetries,
    retryDelayExpression: config.retryDelayExpression ?? source.retryDelayExpression,
    timeoutMs: config.timeoutMs ?? source.timeoutMs,
    notBefore: now + (config.delayMs ?? 0),
    callerIp: source.callerIp,
    labels: source.labels,
    isCallback: true,
  };
}
