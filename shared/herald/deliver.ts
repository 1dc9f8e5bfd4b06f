import type { Redis } from "@upstash/redis/cloudflare";
import { type Sql, type Tx, withService } from "../db/database.ts";
import { publishEvents } from "../events/publish.ts";
import { type RecordedEvent, recordEvent } from "../events/record.ts";
import type { Logger } from "../logging/logger.ts";
import { adapterFor, DeliveryError, type ExternalChannel, type Fetcher } from "./adapters/index.ts";
import type { HeraldConfig } from "./config.ts";
import { addressFor, memberContacts } from "./contacts.ts";
import type { DeliveryMessage } from "./dispatch.ts";

/** What the delivery consumer needs: the database, Redis (local outbox), provider settings, the bus. */
export interface DeliveryDeps {
  sql: Sql;
  redis: Redis;
  config: HeraldConfig;
  env: Env;
  logger: Logger;
  fetch?: Fetcher;
}

/** Which attempt this is, from QStash's `Upstash-Retried` header, and how many retries QStash makes. */
export interface Attempt {
  retried: number;
  maxRetries: number;
}

/** The result of one delivery attempt; `retry` means "answer 5xx so QStash tries again". */
export type DeliveryOutcome =
  | { kind: "delivered"; notification_id: string; provider: string; provider_message_id: string | null }
  | { kind: "failed"; notification_id: string; provider: string | null; error: string }
  | { kind: "skipped"; notification_id: string; reason: string }
  | { kind: "retry"; notification_id: string; error: string };

interface ClaimedNotification {
  id: string;
  user_id: string;
  channel: ExternalChannel;
  subject: string | null;
  body: string;
}

/**
 * A claim older than this is taken to belong to a delivery that died mid-flight (the Worker
 * was evicted between claiming and recording), so a retry may take it over.
 */
const STALE_CLAIM = "5 minutes";

/**
 * Delivers one notification through its channel's adapter and records the outcome. The
 * notification is first claimed (`queued` → `sent`), so a concurrent duplicate delivery sends
 * nothing; a transient provider failure gives the claim back for QStash's next retry, or, on
 * the last attempt, records the failure. Recording updates the notification and its log row
 * and emits `notification.delivered` or `notification.failed` in one transaction.
 */
export async function deliverNotification(
  deps: DeliveryDeps,
  message: DeliveryMessage,
  attempt: Attempt,
): Promise<DeliveryOutcome> {
  const { workspace_id: workspaceId, notification_id: notificationId } = message;
  const claim = await withService(deps.sql, async (tx) => {
    const [row] = await tx<ClaimedNotification[]>`
      update public.notifications
      set status = 'sent', error = null
      where workspace_id = ${workspaceId} and id = ${notificationId} and channel <> 'in_app'
        and (status = 'queued' or (status = 'sent' and updated_at < now() - ${STALE_CLAIM}::interval))
      returning id, user_id, channel, subject, body`;
    if (!row) return { row: undefined, status: await statusOf(tx, workspaceId, notificationId) };
    const contacts = await memberContacts(tx, workspaceId, [row.user_id]);
    return { row, contact: contacts.get(row.user_id) };
  });
  if (!claim.row) {
    return { kind: "skipped", notification_id: notificationId, reason: claim.status ?? "no such notification" };
  }

  const notification = claim.row;
  if (!claim.contact) {
    return record(deps, message, notification, {
      ok: false,
      provider: null,
      error: "the recipient is no longer a member",
    });
  }
  const address = addressFor(notification.channel, claim.contact);
  if (!address.ok) return record(deps, message, notification, { ok: false, provider: null, error: address.reason });

  const adapter = adapterFor(notification.channel, deps.config, deps.redis, deps.fetch);
  try {
    const receipt = await adapter.send({
      workspaceId,
      notificationId,
      channel: notification.channel,
      to: address.to,
      subject: notification.subject,
      body: notification.body,
    });
    return record(deps, message, notification, { ok: true, ...receipt, shown: address.shown });
  } catch (err) {
    const error = err instanceof DeliveryError ? err : new DeliveryError(adapter.provider, String(err), false);
    if (!error.permanent && attempt.retried < attempt.maxRetries) {
      await release(deps.sql, workspaceId, notificationId, error.message);
      deps.logger.warn("herald delivery will be retried", {
        notification_id: notificationId,
        provider: error.provider,
        retried: attempt.retried,
        error: error.message,
      });
      return { kind: "retry", notification_id: notificationId, error: error.message };
    }
    return record(deps, message, notification, {
      ok: false,
      provider: error.provider,
      error: error.message,
      shown: address.shown,
    });
  }
}

/**
 * Records a delivery QStash gave up on (the failure callback): the notification fails unless
 * an attempt already settled it.
 */
export async function failUndelivered(
  deps: DeliveryDeps,
  message: DeliveryMessage,
  error: string,
): Promise<DeliveryOutcome> {
  const { workspace_id: workspaceId, notification_id: notificationId } = message;
  const notification = await withService(deps.sql, async (tx) => {
    const [row] = await tx<ClaimedNotification[]>`
      select id, user_id, channel, subject, body from public.notifications
      where workspace_id = ${workspaceId} and id = ${notificationId} and channel <> 'in_app'
        and status in ('queued', 'sent')`;
    return row;
  });
  if (!notification) return { kind: "skipped", notification_id: notificationId, reason: "already settled" };
  return record(deps, message, notification, { ok: false, provider: null, error });
}

type Result =
  | { ok: true; provider: string; providerMessageId: string | null; shown: string }
  | { ok: false; provider: string | null; error: string; shown?: string };

async function record(
  deps: DeliveryDeps,
  message: DeliveryMessage,
  notification: ClaimedNotification,
  result: Result,
): Promise<DeliveryOutcome> {
  const { workspace_id: workspaceId } = message;
  const event = await withService(deps.sql, async (tx) => {
    // Only a notification still in flight is settled: a duplicate callback changes nothing.
    const [settled] = await tx<{ id: string }[]>`
      update public.notifications
      set status = ${result.ok ? "delivered" : "failed"},
          sent_at = ${result.ok ? tx`now()` : tx`sent_at`},
          error = ${result.ok ? null : result.error}
      where workspace_id = ${workspaceId} and id = ${notification.id} and status in ('queued', 'sent')
      returning id`;
    if (!settled) return undefined;
    await tx`
      update public.communication_log
      set status = ${result.ok ? "delivered" : "failed"},
          provider = coalesce(${result.provider}, provider),
          provider_message_id = ${result.ok ? result.providerMessageId : null},
          recipient = coalesce(${result.shown ?? null}, recipient),
          error = ${result.ok ? null : result.error}
      where workspace_id = ${workspaceId} and notification_id = ${notification.id}`;
    return recordEvent(tx, {
      workspaceId,
      type: result.ok ? "notification.delivered" : "notification.failed",
      payload: {
        notification_id: notification.id,
        recipient_id: notification.user_id,
        channel: notification.channel,
        provider: result.provider,
        ...(result.ok ? { provider_message_id: result.providerMessageId } : { error: result.error }),
      },
      lord: "herald",
      requestId: message.request_id ?? null,
    });
  });
  if (!event) return { kind: "skipped", notification_id: notification.id, reason: "already settled" };
  await publish(deps, event);
  return result.ok
    ? {
        kind: "delivered",
        notification_id: notification.id,
        provider: result.provider,
        provider_message_id: result.providerMessageId,
      }
    : { kind: "failed", notification_id: notification.id, provider: result.provider, error: result.error };
}

// The consumer is not the Herald's Durable Object: the bus serves the Herald's sockets too.
async function publish(deps: DeliveryDeps, event: RecordedEvent): Promise<void> {
  await publishEvents(deps.env, [event], { origin: null, logger: deps.logger });
}

async function release(sql: Sql, workspaceId: string, notificationId: string, error: string): Promise<void> {
  await withService(
    sql,
    (tx) => tx`
      update public.notifications set status = 'queued', error = ${error}
      where workspace_id = ${workspaceId} and id = ${notificationId} and status = 'sent'`,
  );
}

async function statusOf(tx: Tx, workspaceId: string, notificationId: string): Promise<string | undefined> {
  const [row] = await tx<{ status: string; channel: string }[]>`
    select status, channel from public.notifications where workspace_id = ${workspaceId} and id = ${notificationId}`;
  if (!row) return undefined;
  return row.channel === "in_app" ? "in-app notifications are not delivered by a provider" : `already ${row.status}`;
}
