import type { Tx } from "../db/database.ts";
import { type Channel, channelOf, type EventType, type LordName } from "./catalogue.ts";

/** What a publisher says about an event; the channel follows from the type unless overridden. */
export interface NewEvent {
  workspaceId: string;
  type: EventType;
  payload: Record<string, unknown>;
  lord?: LordName | null;
  actorId?: string | null;
  requestId?: string | null;
  /** Only for events whose channel depends on context (agent events go to their guild's channel). */
  channel?: Channel;
}

/** An `events` row as stored: the RaptorBus log entry clients resume from by `sequence`. */
export interface RecordedEvent {
  id: string;
  sequence: number;
  workspaceId: string;
  channel: Channel;
  type: EventType;
  lord: LordName | null;
  payload: Record<string, unknown>;
  actorId: string | null;
  requestId: string | null;
  createdAt: string;
}

interface EventRow {
  id: string;
  sequence: string;
  created_at: Date;
}

/**
 * Inserts the event inside the caller's transaction, so it commits or rolls back with the
 * change it describes. Broadcast only after commit (see publish.ts).
 *
 * It first takes a transaction-scoped advisory lock on the workspace's log, so within a
 * workspace sequences commit in the order they are assigned: a client resuming "after
 * sequence N" can never miss a row that was numbered earlier but committed later. The lock is
 * held until commit, so emit near the end of a transaction. Write `events` only through here.
 */
/**
 * Takes the workspace log's lock (the one `recordEvent` takes) early, for a publisher whose
 * payload is a snapshot of shared state: reading the snapshot after the lock makes the last
 * event in sequence order also the latest snapshot.
 */
export async function lockWorkspaceLog(tx: Tx, workspaceId: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtext('public.events'), hashtext(${workspaceId}))`;
}

export async function recordEvent(tx: Tx, event: NewEvent): Promise<RecordedEvent> {
  const channel = event.channel ?? channelOf(event.type);
  // One round trip: the lock is taken while the select row is produced, before the insert
  // draws the identity value for `sequence`.
  const [row] = await tx<EventRow[]>`
    insert into public.events (workspace_id, channel, event_type, lord, payload, actor_id, request_id)
    select ${event.workspaceId}, ${channel}, ${event.type}, ${event.lord ?? null},
           ${tx.json(event.payload as Parameters<Tx["json"]>[0])}, ${event.actorId ?? null}, ${event.requestId ?? null}
    from (select pg_advisory_xact_lock(hashtext('public.events'), hashtext(${event.workspaceId}))) as workspace_log_lock
    returning id, sequence::text as sequence, created_at`;
  if (!row) throw new Error("events insert returned no row");
  return {
    id: row.id,
    sequence: Number(row.sequence),
    workspaceId: event.workspaceId,
    channel,
    type: event.type,
    lord: event.lord ?? null,
    payload: event.payload,
    actorId: event.actorId ?? null,
    requestId: event.requestId ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

interface StoredEventRow extends EventRow {
  workspace_id: string;
  channel: Channel;
  event_type: EventType;
  lord: LordName | null;
  payload: Record<string, unknown>;
  actor_id: string | null;
  request_id: string | null;
}

/**
 * Reads a workspace's events numbered after `afterSequence`, oldest first, at most `limit`:
 * the replay a reconnecting client asks for. The caller scopes access (RLS or explicit).
 */
export async function readEventsAfter(
  tx: Tx,
  workspaceId: string,
  afterSequence: number,
  limit: number,
): Promise<RecordedEvent[]> {
  // `events.sequence` in the order by: the bare name would sort by the text alias.
  const rows = await tx<StoredEventRow[]>`
    select id, sequence::text as sequence, workspace_id, channel, event_type, lord, payload,
           actor_id, request_id, created_at
    from public.events
    where workspace_id = ${workspaceId} and sequence > ${afterSequence}
    order by events.sequence
    limit ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    sequence: Number(row.sequence),
    workspaceId: row.workspace_id,
    channel: row.channel,
    type: row.event_type,
    lord: row.lord,
    payload: row.payload,
    actorId: row.actor_id,
    requestId: row.request_id,
    createdAt: row.created_at.toISOString(),
  }));
}
