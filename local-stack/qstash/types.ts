/** HTTP methods QStash accepts in `Upstash-Method`. */
export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** One of `httpMethods`. */
export type HttpMethod = (typeof httpMethods)[number];

/** Multi-valued headers, the way QStash reports them (`{ "Content-Type": ["application/json"] }`). */
export type HeaderMap = Record<string, string[]>;

/** States a message passes through, as `client.logs()` reports them. */
export type MessageState = "CREATED" | "ACTIVE" | "DELIVERED" | "ERROR" | "RETRY" | "FAILED" | "CANCELED";

/** A callback or failure callback and the `Upstash-(Failure-)Callback-*` settings that shape it. */
export interface CallbackConfig {
  url: string;
  header: HeaderMap;
  method?: HttpMethod;
  retries?: number;
  timeoutMs?: number;
  delayMs?: number;
  retryDelayExpression?: string;
}

/** Flow-control settings are recorded and reported, not enforced. */
export interface FlowControl {
  key: string;
  parallelism?: number;
  rate?: number;
  period?: number;
}

/** Everything needed to deliver a message except its identity and timing. */
export interface MessageTemplate {
  url: string;
  method: HttpMethod;
  /** Headers delivered to the destination: `Content-Type` plus the stripped `Upstash-Forward-*` ones. */
  header: HeaderMap;
  bodyBase64: string;
  maxRetries: number;
  retryDelayExpression?: string;
  timeoutMs: number;
  callback?: CallbackConfig;
  failureCallback?: CallbackConfig;
  queueName?: string;
  scheduleId?: string;
  callerIp?: string;
  labels?: string[];
  flowControl?: FlowControl;
  /** Messages the stand-in creates to deliver callbacks never trigger callbacks themselves. */
  isCallback?: boolean;
}

/** A template with a delivery time: what `publish` stores. */
export interface MessageDraft extends MessageTemplate {
  /** Unix ms before which the message is not delivered. */
  notBefore: number;
}

/** A message as kept in Redis until it is delivered, fails into the DLQ or is cancelled. */
export interface StoredMessage extends MessageDraft {
  messageId: string;
  createdAt: number;
  /** Delivery attempts that failed so far; sent as `Upstash-Retried`. */
  retried: number;
}

/** What the last failed attempt returned, kept with DLQ entries. */
export interface ResponseRecord {
  status?: number;
  header?: HeaderMap;
  bodyBase64?: string;
  error?: string;
}

/** A message that exhausted its retries. */
export interface DlqRecord extends StoredMessage {
  dlqId: string;
  /** When it entered the DLQ (unix ms). */
  failedAt: number;
  response: ResponseRecord;
}

/** A cron schedule: a message template plus when to publish it. */
export interface StoredSchedule {
  scheduleId: string;
  cron: string;
  createdAt: number;
  template: MessageTemplate;
  delayMs?: number;
  isPaused: boolean;
  lastScheduleTime?: number;
  nextScheduleTime?: number;
}

/** Queue settings as upserted through `/v2/queues`. */
export interface QueueConfig {
  name: string;
  parallelism: number;
  paused: boolean;
  createdAt: number;
  updatedAt: number;
}

/** One log line: a message entering a state. */
export interface LogEvent {
  /** Monotonic sequence number; the logs cursor. */
  seq: number;
  time: number;
  state: MessageState;
  messageId: string;
  url: string;
  method: HttpMethod;
  header: HeaderMap;
  bodyBase64: string;
  maxRetries: number;
  queueName?: string;
  scheduleId?: string;
  labels?: string[];
  callback?: string;
  failureCallback?: string;
  error?: string;
  nextDeliveryTime?: number;
  responseStatus?: number;
  responseHeaders?: HeaderMap;
  responseBodyBase64?: string;
}
