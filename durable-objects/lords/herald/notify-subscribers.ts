import type postgres from "postgres";
import type { MessageTemplatesRow, NotificationsChannel } from "../../../shared/db/rows.generated.ts";
import { EVENT_TYPES, type EventType } from "../../../shared/events/catalogue.ts";
import type { Reaction } from "../capability.ts";
import { dispatchDeliveries } from "./deliveries.ts";
import { eventMessage } from "./event-message.ts";
import { insertNotifications, type NewNotification, sentPayload } from "./records.ts";
import { topicsOf } from "./topics.ts";

/** The Herald's own events: it never reacts to them (no notification about a notification). */
export const HERALD_EVENTS: readonly EventType[] = [
  "notification.sent",
  "notification.delivered",
  "notification.failed",
  "broadcast.sent",
  "subscription.changed",
  "template.created",
  "template.updated",
  "template.deleted",
];

/** Every event type a subscriber can choose. */
const SUBSCRIBABLE = (Object.keys(EVENT_TYPES) as EventType[]).filter((type) => !HERALD_EVENTS.includes(type));

interface Match {
  user_id: string;
  channel: NotificationsChannel;
  topic: string;
}

/**
 * Notifies the members who subscribed to an event: by its type, its domain's wildcard or its
 * channel, when the payload contains every value of the subscription's filters, once per member
 * and channel however many of their topics match. Members who left the workspace are skipped;
 * a redelivered event notifies nobody twice. Notifications, log rows and `notification.sent`
 * events commit together; external channels are then queued for delivery.
 */
export const notifySubscribers: Reaction = {
  name: "notify_subscribers",
  description: "Notifies the members subscribed to an event's type, domain or channel",
  on: SUBSCRIBABLE,
  async handler(event, ctx) {
    const notifications = await ctx.serviceTransaction(async (tx, emit) => {
      const matches = await tx<Match[]>`
        select distinct on (s.user_id, s.channel) s.user_id, s.channel, s.topic
        from public.subscriptions s
        join public.workspace_members m on m.workspace_id = s.workspace_id and m.user_id = s.user_id
        where s.workspace_id = ${ctx.workspaceId} and s.is_active
          and s.topic in ${tx(topicsOf(event))}
          and ${tx.json(event.payload as postgres.JSONValue)}::jsonb @> s.filters
          and not exists (
            select 1 from public.notifications n
            where n.workspace_id = s.workspace_id and n.event_id = ${event.id}
              and n.user_id = s.user_id and n.channel = s.channel)
        order by s.user_id, s.channel, s.topic`;
      if (matches.length === 0) return [];
      const channels = [...new Set(matches.map((match) => match.channel))];
      const templates = await tx<MessageTemplatesRow[]>`
        select * from public.message_templates
        where workspace_id = ${ctx.workspaceId} and name = ${event.type} and is_active and channel in ${tx(channels)}`;
      const messages = new Map(
        channels.map((channel) => [channel, eventMessage(event, channel, templates, ctx.logger)]),
      );
      const items: NewNotification[] = matches.map((match) => {
        const message = messages.get(match.channel);
        if (!message) throw new Error(`no message rendered for ${match.channel}`);
        return {
          workspaceId: ctx.workspaceId,
          userId: match.user_id,
          channel: match.channel,
          priority: "normal",
          subject: message.subject,
          body: message.body,
          data: { event_type: event.type, event_sequence: event.sequence, topic: match.topic, payload: event.payload },
          templateId: message.templateId,
          eventId: event.id,
        };
      });
      const stored = await insertNotifications(tx, items, "notification");
      const topicOf = new Map(matches.map((match) => [`${match.user_id}:${match.channel}`, match.topic]));
      for (const notification of stored) {
        await emit(
          "notification.sent",
          sentPayload(notification, {
            caused_by: event.sequence,
            event_type: event.type,
            topic: topicOf.get(`${notification.user_id}:${notification.channel}`),
          }),
        );
      }
      return stored;
    });
    if (notifications.length === 0) return;
    ctx.state.count("subscriber_notifications", notifications.length);
    await dispatchDeliveries(ctx, notifications, ctx.requestId);
  },
};
