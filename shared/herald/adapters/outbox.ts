import type { Redis } from "@upstash/redis/cloudflare";
import { appendToOutbox } from "../outbox.ts";
import type { ChannelAdapter, DeliveryReceipt, OutboundMessage } from "./types.ts";

/**
 * The local stand-in for every provider: the message is written to the workspace's outbox in
 * Redis instead of leaving the machine, and listed by `GET /lords/herald/outbox`.
 */
export function outboxAdapter(redis: Redis): ChannelAdapter {
  const provider = "local_outbox";
  return {
    provider,
    async send(message: OutboundMessage): Promise<DeliveryReceipt> {
      const id = crypto.randomUUID();
      await appendToOutbox(redis, message.workspaceId, {
        id,
        notification_id: message.notificationId,
        channel: message.channel,
        to: message.to,
        subject: message.subject,
        body: message.body,
        delivered_at: new Date().toISOString(),
      });
      return { provider, providerMessageId: id };
    },
  };
}
