import { parseDuration } from "./durations.ts";
import { appendHeader, canonicalHeaderName, toBase64 } from "./encoding.ts";
import { badRequest } from "./errors.ts";
import { compileRetryDelay } from "./retry-delay.ts";
import {
  type CallbackConfig,
  type FlowControl,
  type HeaderMap,
  type HttpMethod,
  httpMethods,
  type MessageTemplate,
} from "./types.ts";

/** QStash's default when `Upstash-Retries` is absent. */
export const defaultRetries = 3;
/** Stand-in for the plan's maximum HTTP response duration when `Upstash-Timeout` is absent. */
export const defaultTimeoutMs = 15 * 60_000;

/** A publish request reduced to what the stand-in stores. */
export interface ParsedMessage {
  template: MessageTemplate;
  delayMs?: number;
  /** From `Upstash-Not-Before` (unix seconds on the wire, ms here); wins over the delay. */
  notBefore?: number;
  deduplicationId?: string;
  contentBasedDeduplication: boolean;
}

/** The parts of an incoming publish/enqueue/schedule request the headers are read against. */
export interface MessageInput {
  destination: string;
  headers: Headers;
  body: Uint8Array;
  callerIp?: string;
}

/** Reads the `Upstash-*` headers of a publish, enqueue, batch entry or schedule. */
export function parseMessage(input: MessageInput): ParsedMessage {
  const { headers } = input;
  const overrides = parseOverrides(headers);
  const template: MessageTemplate = {
    url: parseUrl(input.destination, "destination"),
    method: "POST",
    header: deliveredHeaders(headers),
    bodyBase64: toBase64(input.body),
    maxRetries: defaultRetries,
    timeoutMs: defaultTimeoutMs,
    callerIp: input.callerIp,
    labels: headers
      .get("upstash-label")
      ?.split(",")
      .map((label) => label.trim()),
    flowControl: parseFlowControl(headers),
    ...overrides.template,
  };
  return {
    template,
    delayMs: overrides.delayMs,
    notBefore: overrides.notBefore,
    deduplicationId: headers.get("upstash-deduplication-id") ?? undefined,
    contentBasedDeduplication: headers.get("upstash-content-based-deduplication") === "true",
  };
}

/** Only the configuration headers that are present: what a DLQ retry may override. */
export function parseOverrides(headers: Headers): Omit<ParsedMessage, "template" | "contentBasedDeduplication"> & {
  template: Partial<MessageTemplate>;
} {
  const template: Partial<MessageTemplate> = {};
  const method = optionalMethod(headers.get("upstash-method"));
  if (method) template.method = method;
  const retries = optionalCount(headers.get("upstash-retries"), "Upstash-Retries");
  if (retries !== undefined) template.maxRetries = retries;
  const retryDelay = optionalRetryDelay(headers.get("upstash-retry-delay"));
  if (retryDelay) template.retryDelayExpression = retryDelay;
  const timeout = optionalDuration(headers.get("upstash-timeout"), "Upstash-Timeout");
  if (timeout !== undefined) template.timeoutMs = timeout;
  const callback = parseCallback(headers, "upstash-callback");
  if (callback) template.callback = callback;
  const failureCallback = parseCallback(headers, "upstash-failure-callback");
  if (failureCallback) template.failureCallback = failureCallback;
  const notBefore = optionalCount(headers.get("upstash-not-before"), "Upstash-Not-Before");
  return {
    template,
    delayMs: optionalDuration(headers.get("upstash-delay"), "Upstash-Delay"),
    notBefore: notBefore === undefined ? undefined : notBefore * 1_000,
  };
}

/** Destinations and callbacks must be absolute http(s) URLs (URL groups are not supported here). */
export function parseUrl(text: string, what: string): string {
  if (!/^https?:\/\//i.test(text)) throw badRequest(`invalid ${what}: "${text}" is not an http(s) URL`);
  try {
    new URL(text);
  } catch {
    throw badRequest(`invalid ${what}: "${text}" is not a valid URL`);
  }
  return text;
}

/** `Content-Type` passes through; `Upstash-Forward-X` arrives as `X`. */
function deliveredHeaders(headers: Headers): HeaderMap {
  const delivered = forwardedWith(headers, "upstash-forward-");
  const contentType = headers.get("content-type");
  if (contentType) delivered["Content-Type"] = [contentType];
  return delivered;
}

function forwardedWith(headers: Headers, prefix: string): HeaderMap {
  const forwarded: HeaderMap = {};
  headers.forEach((value, name) => {
    if (name.startsWith(prefix) && name.length > prefix.length)
      appendHeader(forwarded, name.slice(prefix.length), value);
  });
  return forwarded;
}

/** `Upstash-Callback` / `Upstash-Failure-Callback` and their `-Method`, `-Retries`… siblings. */
function parseCallback(headers: Headers, prefix: string): CallbackConfig | undefined {
  const url = headers.get(prefix);
  if (!url) return undefined;
  const label = canonicalHeaderName(prefix);
  return {
    url: parseUrl(url, label),
    header: forwardedWith(headers, `${prefix}-forward-`),
    method: optionalMethod(headers.get(`${prefix}-method`)),
    retries: optionalCount(headers.get(`${prefix}-retries`), `${label}-Retries`),
    timeoutMs: optionalDuration(headers.get(`${prefix}-timeout`), `${label}-Timeout`),
    delayMs: optionalDuration(headers.get(`${prefix}-delay`), `${label}-Delay`),
    retryDelayExpression: optionalRetryDelay(headers.get(`${prefix}-retry-delay`)),
  };
}

/** `Upstash-Flow-Control-Value: parallelism=1, rate=10, period=1m`. */
function parseFlowControl(headers: Headers): FlowControl | undefined {
  const key = headers.get("upstash-flow-control-key");
  if (!key) return undefined;
  const flowControl: FlowControl = { key };
  for (const pair of (headers.get("upstash-flow-control-value") ?? "").split(",")) {
    const [name = "", value = ""] = pair.split("=").map((part) => part.trim());
    if (name === "parallelism" || name === "rate") flowControl[name] = Number(value);
    if (name === "period") flowControl.period = (parseDuration(value) ?? 0) / 1_000;
  }
  return flowControl;
}

function optionalMethod(text: string | null): HttpMethod | undefined {
  if (text === null) return undefined;
  const method = text.toUpperCase();
  if (!(httpMethods as readonly string[]).includes(method)) throw badRequest(`invalid Upstash-Method "${text}"`);
  return method as HttpMethod;
}

function optionalCount(text: string | null, header: string): number | undefined {
  if (text === null) return undefined;
  if (!/^\d+$/.test(text.trim())) throw badRequest(`invalid ${header} "${text}": expected a non-negative integer`);
  return Number(text);
}

function optionalDuration(text: string | null, header: string): number | undefined {
  if (text === null) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined) throw badRequest(`invalid ${header} "${text}": expected a duration such as 10s, 5m or 1d`);
  return ms;
}

function optionalRetryDelay(text: string | null): string | undefined {
  if (text === null) return undefined;
  try {
    compileRetryDelay(text);
  } catch (error) {
    throw badRequest(`invalid Upstash-Retry-Delay: ${(error as Error).message}`);
  }
  return text;
}
