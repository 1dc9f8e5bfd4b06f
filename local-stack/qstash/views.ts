import { describeBody } from "./encoding.ts";
import type { QueueView } from "./queue-store.ts";
import type { DlqRecord, LogEvent, StoredMessage, StoredSchedule } from "./types.ts";

/**
 * JSON shapes of the REST API, matching QStash's OpenAPI description and the SDK's types.
 * Undefined fields are left out by JSON.stringify, as QStash omits empty ones.
 */

function labelFields(labels: string[] | undefined) {
  return labels?.length ? { label: labels[0], labels } : {};
}

/** `GET /v2/messages/{id}`. */
export function messageView(message: StoredMessage) {
  return {
    messageId: message.messageId,
    url: message.url,
    method: message.method,
    header: message.header,
    ...describeBody(message.bodyBase64),
    maxRetries: message.maxRetries,
    retryDelayExpression: message.retryDelayExpression,
    notBefore: message.notBefore,
    createdAt: message.createdAt,
    callback: message.callback?.url,
    failureCallback: message.failureCallback?.url,
    queueName: message.queueName,
    scheduleId: message.scheduleId,
    callerIP: message.callerIp,
    ...labelFields(message.labels),
    flowControlKey: message.flowControl?.key,
    parallelism: message.flowControl?.parallelism,
    rate: message.flowControl?.rate,
    period: message.flowControl?.period,
  };
}

/** `GET /v2/dlq` entries and `GET /v2/dlq/{dlqId}`. */
export function dlqView(record: DlqRecord) {
  return {
    ...messageView(record),
    dlqId: record.dlqId,
    responseStatus: record.response.status,
    responseHeader: record.response.header,
    ...describeBody(record.response.bodyBase64 ?? "", "responseBody"),
  };
}

/** `GET /v2/schedules` entries and `GET /v2/schedules/{id}`. */
export function scheduleView(schedule: StoredSchedule, lastScheduleStates: Record<string, string>) {
  const { template } = schedule;
  return {
    scheduleId: schedule.scheduleId,
    cron: schedule.cron,
    createdAt: schedule.createdAt,
    destination: template.url,
    method: template.method,
    header: template.header,
    ...describeBody(template.bodyBase64),
    retries: template.maxRetries,
    retryDelayExpression: template.retryDelayExpression,
    delay: schedule.delayMs === undefined ? undefined : Math.round(schedule.delayMs / 1_000),
    callback: template.callback?.url,
    failureCallback: template.failureCallback?.url,
    callerIp: template.callerIp,
    isPaused: schedule.isPaused,
    queueName: template.queueName,
    flowControlKey: template.flowControl?.key,
    parallelism: template.flowControl?.parallelism,
    rate: template.flowControl?.rate,
    period: template.flowControl?.period,
    ...labelFields(template.labels),
    lastScheduleTime: schedule.lastScheduleTime,
    nextScheduleTime: schedule.isPaused ? undefined : schedule.nextScheduleTime,
    lastScheduleStates: Object.keys(lastScheduleStates).length ? lastScheduleStates : undefined,
  };
}

/** `GET /v2/queues` entries and `GET /v2/queues/{name}`. */
export function queueView(queue: QueueView) {
  return {
    name: queue.name,
    parallelism: queue.parallelism,
    paused: queue.paused,
    lag: queue.lag,
    createdAt: queue.createdAt,
    updatedAt: queue.updatedAt,
  };
}

/** `GET /v2/events` / `GET /v2/logs` entries; bodies are base64 there. */
export function logView(event: LogEvent) {
  return {
    time: event.time,
    state: event.state,
    messageId: event.messageId,
    url: event.url,
    method: event.method,
    header: event.header,
    body: event.bodyBase64 || undefined,
    maxRetries: event.maxRetries,
    queueName: event.queueName,
    scheduleId: event.scheduleId,
    ...labelFields(event.labels),
    callback: event.callback,
    failureCallback: event.failureCallback,
    error: event.error,
    nextDeliveryTime: event.nextDeliveryTime,
    responseStatus: event.responseStatus,
    responseHeaders: event.responseHeaders,
    responseBody: event.responseBodyBase64 || undefined,
  };
}
