import type { Role } from "../../shared/auth/permissions.ts";
import type { LordName } from "../../shared/events/catalogue.ts";
import { ALL_EVENTS, type Subscription } from "../../shared/events/protocol.ts";
import type { RecordedEvent } from "../../shared/events/record.ts";

/**
 * What a socket carries through hibernation (`serializeAttachment`): whose it is and what it
 * subscribed to. Everything needed to route an event to it lives here, nothing in memory.
 */
export interface SocketAttachment {
  socketId: string;
  userId: string;
  role: Role;
  workspaceId: string;
  /** The Lord channel; null for the workspace-wide channel. */
  lord: LordName | null;
  /** Event types subscribed to explicitly (`*` for all). */
  events: Subscription[];
  connectedAt: string;
}

/** What a socket is subscribed to on connect: everything on the workspace channel, nothing extra on a Lord's. */
export function initialSubscriptions(lord: LordName | null): Subscription[] {
  return lord === null ? [ALL_EVENTS] : [];
}

/**
 * Whether a socket receives an event: a Lord channel always carries that Lord's own events;
 * beyond that, the types it subscribed to (or `*`).
 */
export function wants(socket: Pick<SocketAttachment, "lord" | "events" | "userId">, event: RecordedEvent): boolean {
  if (addressedToSomeoneElse(socket.userId, event)) return false;
  if (socket.lord !== null && event.lord === socket.lord) return true;
  return socket.events.includes(ALL_EVENTS) || socket.events.includes(event.type);
}

/** Adds subscriptions, keeping each once and the existing order. */
export function addSubscriptions(current: readonly Subscription[], added: readonly Subscription[]): Subscription[] {
  const next = [...current];
  for (const entry of added) if (!next.includes(entry)) next.push(entry);
  return next;
}

/** Removes subscriptions; removing one that is absent is not an error. */
export function removeSubscriptions(
  current: readonly Subscription[],
  removed: readonly Subscription[],
): Subscription[] {
  return current.filter((entry) => !removed.includes(entry));
}

/** The union of several sockets' explicit subscriptions, sorted (`*` first). */
export function unionOf(sockets: readonly Pick<SocketAttachment, "events">[]): Subscription[] {
  const all = new Set<Subscription>();
  for (const socket of sockets) for (const entry of socket.events) all.add(entry);
  return [...all].sort();
}

/**
 * A notification event names its recipient: only that member's sockets carry it, so an in-app
 * notification reaches the user it is for and no one else watching the workspace.
 */
function addressedToSomeoneElse(userId: string, event: RecordedEvent): boolean {
  if (!event.type.startsWith("notification.")) return false;
  const recipient = event.payload.recipient_id;
  return typeof recipient === "string" && recipient !== userId;
}
