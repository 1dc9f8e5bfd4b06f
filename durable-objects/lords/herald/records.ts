import type postgres from "postgres";
import type { Tx } from "../../../shared/db/database.ts";
import type { NotificationsPriority } from "../../../shared/db/rows.generated.ts";
import type { NotificationChannel } from "../../../shared/domain/herald/index.ts";

/** One notification to store: a member, a channel and the message rendered for it. */
export interface NewNotification {
  workspaceId: string;
  userId: string;
  channel: NotificationChannel;
  priority: NotificationsPriority;
  subject: string | null;
  body: string;
  data: Record<string, unknown>;
  templateId: string | null;
  /** The event that caused it (a subscriber notification), if any. */
  eventId: string | null;
}

/** A stored notification as capabilities return it (no body: RLS keeps that to its recipient). */
export interface StoredNotification {
  id: string;
  workspace_id: string;
  user_id: string;
  channel: NotificationChannel;
  priority: NotificationsPriority;
  status: "queued" | "delivered";
  subject: string | null;
  template_id: string | null;
  event_id: string | null;
  created_at: Date;
}

/** True for channels a provider delivers (through QStash); in-app ones are delivered when stored. */
export function isExternal(channel: NotificationChannel): channel is Exclude<NotificationChannel, "in_app"> {
  return channel !== "in_app";
}

/**
 * Inserts notifications and their communication-log rows in one statement. In-app ones are
 * delivered on commit (stored where the recipient reads them, pushed on the bus); the others are
 * `queued` for the delivery consumer, their log row `sent` (handed to the queue) until it
 * records the provider's answer. `kind` tells sends from broadcasts in the log.
 */
export async function insertNotifications(
  tx: Tx,
  items: readonly NewNotification[],
  kind: "notification" | "broadcast",
): Promise<StoredNotification[]> {
  if (items.length === 0) return [];
  const rows = items.map((item, ordinal) => ({
    ordinal,
    workspace_id: item.workspaceId,
    user_id: item.userId,
    channel: item.channel,
    priority: item.priority,
    status: isExternal(item.channel) ? "queued" : "delivered",
    subject: item.subject,
    body: item.body,
    data: item.data,
    template_id: item.templateId,
    event_id: item.eventId,
  }));
  const stored = await tx<(StoredNotification & { ordinal: number })[]>`
    with input as (
      select * from jsonb_to_recordset(${tx.json(rows as unknown as postgres.JSONValue)}) as r (
        ordinal int, workspace_id uuid, user_id uuid, channel text, priority text, status text,
        subject text, body text, data jsonb, template_id uuid, event_id uuid)
    ),
    inserted as (
      insert into public.notifications
        (workspace_id, user_id, channel, priority, status, subject, body, data, template_id, event_id, sent_at)
      select workspace_id, user_id, channel, priority, status, subject, body, coalesce(data, '{}'::jsonb),
             template_id, event_id, case when status = 'delivered' then now() end
      from input
      order by ordinal
      returning id, workspace_id, user_id, channel, priority, status, subject, template_id, event_id, created_at
    ),
    -- Data-modifying CTEs run exactly once whether or not the final select reads them.
    logged as (
      insert into public.communication_log
        (workspace_id, notification_id, channel, kind, recipient, subject, status, provider, payload)
      select workspace_id, id, channel, ${kind}, 'user:' || user_id::text, subject,
             case when channel = 'in_app' then 'delivered' else 'sent' end,
             case when channel = 'in_app' then 'in_app' end,
             jsonb_build_object('priority', priority, 'template_id', template_id, 'event_id', event_id)
      from inserted
      returning notification_id
    )
    select inserted.*, input.ordinal
    from inserted
    join input on input.workspace_id = inserted.workspace_id and input.user_id = inserted.user_id
      and input.channel = inserted.channel
    order by input.ordinal`;
  if (stored.length !== items.length) throw new Error("notifications and their log rows were not all written");
  return stored.map(({ ordinal: _ordinal, ...notification }) => notification);
}

/** The `notification.sent` payload of one stored notification: enough to route and show it, never its body. */
export function sentPayload(notification: StoredNotification, extra: Record<string, unknown> = {}) {
  return {
    notification_id: notification.id,
    recipient_id: notification.user_id,
    channel: notification.channel,
    priority: notification.priority,
    status: notification.status,
    subject: notification.subject,
    template_id: notification.template_id,
    ...extra,
  };
}
