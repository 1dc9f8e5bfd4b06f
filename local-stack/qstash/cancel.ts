import type { QStashContext } from "./context.ts";
import { logEvent } from "./event-log.ts";
import { getMessages, removeMessage } from "./message-store.ts";

/**
 * Cancels live messages: they stop waiting and will not be retried. An attempt already under way
 * finishes, but its outcome is dropped. Returns how many were cancelled.
 */
export async function cancelMessages(ctx: QStashContext, messageIds: string[]): Promise<number> {
  const messages = await getMessages(ctx, messageIds);
  for (const message of messages) {
    await removeMessage(ctx, message);
    await logEvent(ctx, message, "CANCELED");
  }
  return messages.length;
}
