import { defineCapability } from "../capability.ts";
import { type DispatchResult, dispatchDeliveries } from "./deliveries.ts";
import { SendNotificationInput } from "./inputs.ts";
import { requireMembers } from "./members.ts";
import { renderForChannels } from "./messages.ts";
import { insertNotifications, type NewNotification, type StoredNotification, sentPayload } from "./records.ts";

/** What `send_notification` answers. */
export interface SendNotificationResult {
  notifications: StoredNotification[];
  deliveries: DispatchResult;
}

/**
 * Notifies members on each channel. The message (a stored template with variables, or a raw
 * subject and body) is rendered and escaped per channel; the notifications, their log rows and
 * one `notification.sent` each commit together. In-app ones reach the recipients' sockets
 * through the workspace bus; the others are then queued on QStash for the delivery consumer.
 */
export const sendNotification = defineCapability({
  name: "send_notification",
  description: "Sends a templated or raw message to members over in-app, email, Slack and SMS",
  input: SendNotificationInput,
  mutates: true,
  async handler(input, ctx): Promise<SendNotificationResult> {
    const notifications = await ctx.transaction(async (tx, emit) => {
      await requireMembers(tx, ctx.workspaceId, input.recipients, (index) => `recipients.${index}`);
      const messages = await renderForChannels(tx, ctx.workspaceId, input, input.channels);
      const items: NewNotification[] = input.recipients.flatMap((userId) =>
        messages.map((message) => ({
          workspaceId: ctx.workspaceId,
          userId,
          channel: message.channel,
          priority: input.priority ?? "normal",
          subject: message.subject,
          body: message.body,
          data: input.data ?? {},
          templateId: message.templateId,
          eventId: null,
        })),
      );
      const stored = await insertNotifications(tx, items, "notification");
      for (const notification of stored) await emit("notification.sent", sentPayload(notification));
      return stored;
    });
    ctx.state.count("notifications_sent", notifications.length);
    const deliveries = await dispatchDeliveries(ctx, notifications, ctx.requestId);
    return { notifications, deliveries };
  },
});
