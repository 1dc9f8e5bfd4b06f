import { createHash } from "node:crypto";
import type { QStashContext } from "./context.ts";
import { logEvent } from "./event-log.ts";
import { randomId } from "./ids.ts";
import type { ParsedMessage } from "./message-headers.ts";
import { insertMessage, reserveDeduplication } from "./message-store.ts";
import { ensureQueue } from "./queue-store.ts";
import type { MessageDraft } from "./types.ts";

/** What publish, enqueue and each batch entry answer. */
export interface PublishResult {
  messageId: string;
  url: string;
  deduplicated?: true;
}

/** How to deduplicate a publish: an explicit id, or a hash of its content. */
export interface Deduplication {
  id?: string;
  contentBased?: boolean;
}

/** A parsed request's template with its delivery time resolved: `Upstash-Not-Before` wins over the delay. */
export function draftOf(parsed: ParsedMessage, now: number): MessageDraft {
  return { ...parsed.template, notBefore: parsed.notBefore ?? now + (parsed.delayMs ?? 0) };
}

/** Content-based deduplication hashes what would be delivered: destination, method, headers and body. */
function contentHash(draft: MessageDraft): string {
  const headers = Object.entries(draft.header).sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256")
    .update(JSON.stringify([draft.url, draft.method, headers, draft.bodyBase64]))
    .digest("hex");
}

/** Stores a message for delivery (or answers with the earlier one when deduplicated) and logs CREATED. */
export async function publish(
  ctx: QStashContext,
  draft: MessageDraft,
  deduplication: Deduplication = {},
): Promise<PublishResult> {
  const messageId = randomId("msg");
  const dedupId = deduplication.id ?? (deduplication.contentBased ? contentHash(draft) : undefined);
  if (dedupId !== undefined) {
    const earlier = await reserveDeduplication(ctx, dedupId, messageId);
    if (earlier) return { messageId: earlier, url: draft.url, deduplicated: true };
  }
  const message = { ...draft, messageId, createdAt: ctx.now(), retried: 0 };
  // Logged first: once inserted, the worker may log ACTIVE at any moment.
  await logEvent(ctx, message, "CREATED");
  if (message.queueName) await ensureQueue(ctx, message.queueName);
  await insertMessage(ctx, message);
  return { messageId, url: draft.url };
}
