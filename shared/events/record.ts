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
 */
export async function recordEvent(tx: Tx, event: NewEvent): Promise<RecordedEvent> {
  const channel = event.channel ?? channelOf(event.type);
  const [row] = await tx<EventRow[]>`
    insert into public.events (workspace_id, channel, event_type, lord, payload, actor_id, request_id)
    values (${event.workspaceId}, ${channel}, ${event.type}, ${event.lord ?? null},
            ${tx.json(event.payload as Parameters<Tx["json"]>[0])}, ${event.actorId ?? null}, ${event.requestId ?? null})
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
