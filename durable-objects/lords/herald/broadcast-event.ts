import type { Tx } from "../../../shared/db/database.ts";
import type { NotificationChannel } from "../../../shared/domain/herald/index.ts";
import { publishEvents } from "../../../shared/events/publish.ts";
import { type RecordedEvent, recordEvent } from "../../../shared/events/record.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { type DispatchResult, dispatchDeliveries } from "./deliveries.ts";
import { BroadcastInput } from "./inputs.ts";
import { renderForChannels } from "./messages.ts";
import { insertNotifications, type NewNotification } from "./records.ts";

/** What `broadcast_event` answers. */
export interface BroadcastResult {
  broadcast_id: string;
  scope: "workspace" | "organization";
  /** The workspaces reached, this one first. */
  workspaces: string[];
  recipients: number;
  notifications: number;
  deliveries: DispatchResult;
}

/**
 * The workspaces of this one's organization where the caller operates the Lords (lord_operator
 * or admin): an organization-wide broadcast reaches exactly those, never one the caller could not
 * notify directly.
 */
async function operatedWorkspaces(tx: Tx, workspaceId: string): Promise<string[]> {
  const rows = await tx<{ id: string }[]>`
    select w.id from public.workspaces w
    where w.organization_id = (select organization_id from public.workspaces where id = ${workspaceId})
      and w.archived_at is null
      and private.has_workspace_role(w.id, 'lord_operator')
    order by w.id = ${workspaceId} desc, w.created_at, w.id`;
  return rows.map((row) => row.id);
}

/**
 * Announces a message to every member (or those holding `roles`) of this workspace or, with
 * `scope: "organization"`, of every workspace of the organization the caller operates. Each
 * member gets a notification per channel, logged as a broadcast; each workspace's log gets one
 * `broadcast.sent` (subject only: the body stays behind the notifications' access policy).
 */
export const broadcastEvent = defineCapability({
  name: "broadcast_event",
  description: "Broadcasts a message to every member of the workspace or the organization",
  input: BroadcastInput,
  mutates: true,
  async handler(input, ctx): Promise<BroadcastResult> {
    const channels: NotificationChannel[] = input.channels ?? ["in_app"];
    const scope = input.scope ?? "workspace";
    const broadcastId = crypto.randomUUID();
    const result = await ctx.transaction(async (tx, emit) => {
      const workspaces = scope === "workspace" ? [ctx.workspaceId] : await operatedWorkspaces(tx, ctx.workspaceId);
      const members = await tx<{ workspace_id: string; user_id: string }[]>`
        select workspace_id, user_id from public.workspace_members
        where workspace_id in ${tx(workspaces)}
          ${input.roles ? tx`and role in ${tx(input.roles)}` : tx``}
        order by workspace_id, created_at, user_id`;
      if (members.length === 0) {
        throw ApiError.unprocessable("No member holds any of the broadcast's roles", [
          { field: "roles", message: "no member holds any of these roles" },
        ]);
      }
      const messages = await renderForChannels(tx, ctx.workspaceId, input, channels);
      const items: NewNotification[] = members.flatMap((member) =>
        messages.map((message) => ({
          workspaceId: member.workspace_id,
          userId: member.user_id,
          channel: message.channel,
          priority: input.priority ?? "normal",
          subject: message.subject,
          body: message.body,
          data: { ...input.data, broadcast_id: broadcastId },
          templateId: member.workspace_id === ctx.workspaceId ? message.templateId : null,
          eventId: null,
        })),
      );
      const notifications = await insertNotifications(tx, items, "broadcast");

      const subject = (messages.find((message) => message.channel === "in_app") ?? messages[0])?.subject ?? null;
      const elsewhere: RecordedEvent[] = [];
      for (const workspaceId of workspaces) {
        const payload = {
          broadcast_id: broadcastId,
          scope,
          origin_workspace_id: ctx.workspaceId,
          channels,
          priority: input.priority ?? "normal",
          subject,
          recipients: members.filter((member) => member.workspace_id === workspaceId).length,
          notifications: notifications.filter((notification) => notification.workspace_id === workspaceId).length,
        };
        if (workspaceId === ctx.workspaceId) await emit("broadcast.sent", payload);
        else {
          // Another workspace's log: its bus is told after commit, below.
          elsewhere.push(
            await recordEvent(tx, {
              workspaceId,
              type: "broadcast.sent",
              payload,
              lord: "herald",
              actorId: ctx.actor.userId,
              requestId: ctx.requestId,
            }),
          );
        }
      }
      return { workspaces, members: members.length, notifications, elsewhere };
    });
    await publishEvents(ctx.env, result.elsewhere, { origin: null, logger: ctx.logger });
    ctx.state.count("broadcasts_sent");
    ctx.state.count("notifications_sent", result.notifications.length);
    const deliveries = await dispatchDeliveries(ctx, result.notifications, ctx.requestId);
    return {
      broadcast_id: broadcastId,
      scope,
      workspaces: result.workspaces,
      recipients: result.members,
      notifications: result.notifications.length,
      deliveries,
    };
  },
});
