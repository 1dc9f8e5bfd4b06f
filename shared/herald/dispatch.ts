import type { Client as QStashClient } from "@upstash/qstash";
import * as v from "valibot";
import { publicUrl } from "../agents/runtime/index.ts";

/** Where QStash delivers notifications, and where it reports one that exhausted its retries. */
export const DELIVER_PATH = "/internal/herald/deliver";
export const DELIVERY_FAILED_PATH = "/internal/herald/deliver/failed";

/** Retries QStash makes after a failed delivery before calling the failure callback. */
export const DELIVERY_RETRIES = 3;

/** QStash accepts at most this many messages per batch call. */
const BATCH_SIZE = 100;

/** The body of one delivery: which notification, and the request that caused it (for tracing). */
export const DeliveryMessageSchema = v.object({
  workspace_id: v.pipe(v.string(), v.uuid("workspace_id must be a UUID")),
  notification_id: v.pipe(v.string(), v.uuid("notification_id must be a UUID")),
  request_id: v.optional(v.nullable(v.string())),
});
export type DeliveryMessage = v.InferOutput<typeof DeliveryMessageSchema>;

/**
 * Publishes one QStash message per notification to the delivery consumer, in batches. The
 * notification id deduplicates: publishing the same notification twice delivers it once.
 * Returns QStash's message ids in order.
 */
export async function publishDeliveries(
  qstash: QStashClient,
  baseUrl: string,
  messages: readonly DeliveryMessage[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < messages.length; start += BATCH_SIZE) {
    const requests = messages.slice(start, start + BATCH_SIZE).map((message) => ({
      url: publicUrl(baseUrl, DELIVER_PATH),
      body: message,
      retries: DELIVERY_RETRIES,
      deduplicationId: `herald-${message.notification_id}`,
      failureCallback: publicUrl(baseUrl, DELIVERY_FAILED_PATH),
      label: "herald",
    }));
    const results = await qstash.batchJSON(requests);
    for (const result of results) ids.push("messageId" in result ? result.messageId : "");
  }
  return ids;
}
