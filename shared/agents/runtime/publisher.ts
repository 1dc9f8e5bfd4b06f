import type { Client as QStashClient } from "@upstash/qstash";
import type { ExecutionMessage } from "./messages.ts";

/** Where QStash delivers executions and reports messages that exhausted their retries. */
export const EXECUTE_PATH = "/internal/agents/execute";
export const DEAD_LETTER_PATH = "/internal/agents/dead-letter";

/** QStash's own default: a delivery is retried three times with backoff before it is dead-lettered. */
const DELIVERY_RETRIES = 3;

/** A message to publish and the deduplication id that makes a second publish of it a no-op. */
export interface Outgoing {
  message: ExecutionMessage;
  deduplicationId: string;
}

/** Joins the public base URL and a path without doubling or dropping the slash. */
export function publicUrl(baseUrl: string, path: string): string {
  return new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).toString().replace(/\/$/, "");
}

/**
 * Publishes executions to QStash in one batch call, signed deliveries to the consumer with retries and a
 * failure callback. Deduplicated by id, so releasing a graph step twice queues it once. Returns message ids.
 */
export async function publishExecutions(
  qstash: QStashClient,
  baseUrl: string,
  outgoing: readonly Outgoing[],
): Promise<string[]> {
  if (outgoing.length === 0) return [];
  const requests = outgoing.map(({ message, deduplicationId }) => ({
    url: publicUrl(baseUrl, EXECUTE_PATH),
    body: message,
    retries: DELIVERY_RETRIES,
    deduplicationId,
    failureCallback: publicUrl(baseUrl, DEAD_LETTER_PATH),
    label: "agents",
  }));
  const first = requests[0];
  if (requests.length === 1 && first) {
    const { messageId } = await qstash.publishJSON(first);
    return [messageId];
  }
  const results = await qstash.batchJSON(requests);
  return results.map((result) => ("messageId" in result ? result.messageId : ""));
}
