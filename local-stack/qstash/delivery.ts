import { fromBase64, headerMap } from "./encoding.ts";
import { signDelivery } from "./signing.ts";
import type { HeaderMap, StoredMessage } from "./types.ts";

/** What one delivery attempt came to. */
export type AttemptResult =
  | { kind: "response"; status: number; header: HeaderMap; body: Uint8Array }
  | { kind: "error"; error: string }
  /** The stand-in is closing: the attempt does not count. */
  | { kind: "aborted" };

/** Whether an attempt succeeded (QStash treats every 2xx as delivered). */
export function isDelivered(result: AttemptResult): boolean {
  return result.kind === "response" && result.status >= 200 && result.status < 300;
}

/** The request QStash sends: original body, forwarded headers and the `Upstash-*` delivery headers. */
async function deliveryRequest(message: StoredMessage, signingKey: string, now: number): Promise<RequestInit> {
  // fetch refuses a body on GET; the signature then covers the empty body actually sent.
  const body = message.method === "GET" ? new Uint8Array() : fromBase64(message.bodyBase64);
  const headers = new Headers();
  for (const [name, values] of Object.entries(message.header)) for (const value of values) headers.append(name, value);
  headers.set("User-Agent", "Upstash-QStash");
  headers.set("Upstash-Message-Id", message.messageId);
  headers.set("Upstash-Retried", String(message.retried));
  headers.set("Upstash-Signature", await signDelivery(signingKey, message.url, body, now));
  if (message.scheduleId) headers.set("Upstash-Schedule-Id", message.scheduleId);
  if (message.callerIp) headers.set("Upstash-Caller-Ip", message.callerIp);
  return { method: message.method, headers, body: message.method === "GET" ? undefined : body };
}

/** Makes one attempt, bounded by the message's timeout and by `closing`. */
export async function attemptDelivery(
  message: StoredMessage,
  signingKey: string,
  now: number,
  closing: AbortSignal,
): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(message.timeoutMs);
  try {
    const init = await deliveryRequest(message, signingKey, now);
    const response = await fetch(message.url, { ...init, signal: AbortSignal.any([closing, timeout]) });
    const body = new Uint8Array(await response.arrayBuffer());
    return { kind: "response", status: response.status, header: headerMap(response.headers), body };
  } catch (error) {
    if (closing.aborted) return { kind: "aborted" };
    if (timeout.aborted) return { kind: "error", error: `request timed out after ${message.timeoutMs}ms` };
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return { kind: "error", error: cause ?? (error as Error).message };
  }
}
