import { publishEvents } from "../../../shared/events/publish.ts";
import { type RecordedEvent, recordEvent } from "../../../shared/events/record.ts";
import { publishDeliveries } from "../../../shared/herald/dispatch.ts";
import type { LordContext } from "../capability.ts";
import { isExternal, type StoredNotification } from "./records.ts";

/** What happened to the external notifications of one send. */
export interface DispatchResult {
  /** Handed to QStash for delivery by the consumer. */
  queued: number;
  /** Could not be handed over; recorded as failed. */
  failed: number;
  message_ids: string[];
}

/**
 * After the notifications committed: one QStash message per external notification to the
 * delivery consumer, so a slow provider never holds the request. If QStash refuses them, they
 * are failed at once (with `notification.failed`) rather than left queued forever.
 */
export async function dispatchDeliveries(
  ctx: LordContext,
  notifications: readonly StoredNotification[],
  requestId: string | null,
): Promise<DispatchResult> {
  const external = notifications.filter((notification) => isExternal(notification.channel));
  if (external.length === 0) return { queued: 0, failed: 0, message_ids: [] };
  try {
    const ids = await publishDeliveries(
      ctx.services.qstash,
      ctx.services.config.PUBLIC_BASE_URL,
      external.map((notification) => ({
        workspace_id: notification.workspace_id,
        notification_id: notification.id,
        request_id: requestId,
      })),
    );
    ctx.state.count("deliveries_queued", external.length);
    return { queued: external.length, failed: 0, message_ids: ids };
  } catch (err) {
    const error = `could not queue the delivery: ${err instanceof Error ? err.message : String(err)}`;
    ctx.logger.error("herald deliveries could not be queued", { notifications: external.length, error });
    await failAll(ctx, external, error);
    return { queued: 0, failed: external.length, message_ids: [] };
  }
}

async function failAll(ctx: LordContext, notifications: readonly StoredNotification[], error: string): Promise<void> {
  const ids = notifications.map((notification) => notification.id);
  const workspaces = [...new Set(notifications.map((notification) => notification.workspace_id))];
  const elsewhere = await ctx.serviceTransaction(async (tx, emit) => {
    await tx`
      update public.notifications set status = 'failed', error = ${error}
      where workspace_id in ${tx(workspaces)} and id in ${tx(ids)} and status = 'queued'`;
    await tx`
      update public.communication_log set status = 'failed', error = ${error}
      where workspace_id in ${tx(workspaces)} and notification_id in ${tx(ids)}`;
    // A broadcast's notifications can span workspaces: each failure is an event in its own log.
    const recorded: RecordedEvent[] = [];
    for (const notification of notifications) {
      const payload = {
        notification_id: notification.id,
        recipient_id: notification.user_id,
        channel: notification.channel,
        provider: null,
        error,
      };
      if (notification.workspace_id === ctx.workspaceId) await emit("notification.failed", payload);
      else {
        recorded.push(
          await recordEvent(tx, {
            workspaceId: notification.workspace_id,
            type: "notification.failed",
            payload,
            lord: "herald",
          }),
        );
      }
    }
    return recorded;
  });
  await publishEvents(ctx.env, elsewhere, { origin: null, logger: ctx.logger });
  ctx.state.count("deliveries_failed", notifications.length);
}
