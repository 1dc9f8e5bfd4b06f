import * as v from "valibot";
import { EVENT_TYPES, type EventType, isEventType, type LordName } from "./catalogue.ts";
import type { RecordedEvent } from "./record.ts";

/** The WebSocket subprotocol clients offer (and the server selects) on `/ws/*` routes. */
export const SOCKET_PROTOCOL = "raptorflow.v1";

/** Every event type, for "subscribe to everything". */
export const ALL_EVENTS = "*";

/** A subscription entry: a catalogued event type or `*`. */
export type Subscription = EventType | typeof ALL_EVENTS;

const SubscriptionSchema = v.custom<Subscription>(
  (value) => value === ALL_EVENTS || isEventType(value),
  (issue) => `'${String(issue.input)}' is not a catalogued event type (or '*')`,
);

const SubscriptionListSchema = v.pipe(
  v.array(SubscriptionSchema, "events must be an array of event types"),
  v.minLength(1, "events must name at least one event type"),
  v.maxLength(Object.keys(EVENT_TYPES).length + 1, "events names more entries than the catalogue has"),
);

/** A sequence number from the `events` log: an integer ≥ 0, given as a number or a digit string. */
export const LastEventIdSchema = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^\d{1,15}$/, "last_event_id must be a sequence number"))]),
  v.transform(Number),
  v.integer("last_event_id must be an integer"),
  v.minValue(0, "last_event_id must be ≥ 0"),
  v.maxValue(Number.MAX_SAFE_INTEGER, "last_event_id is out of range"),
);

/** Frames a client may send. */
export const ClientFrameSchema = v.variant(
  "type",
  [
    v.object({ type: v.literal("ping") }),
    v.object({ type: v.literal("subscribe"), events: SubscriptionListSchema }),
    v.object({ type: v.literal("unsubscribe"), events: SubscriptionListSchema }),
    v.object({ type: v.literal("resume"), last_event_id: LastEventIdSchema }),
  ],
  "type must be one of ping, subscribe, unsubscribe, resume",
);
export type ClientFrame = v.InferOutput<typeof ClientFrameSchema>;

/** An event as a socket receives it. */
export interface EventFrame {
  type: "event";
  lord: LordName | null;
  event: EventType;
  data: Record<string, unknown>;
  /** The event's sequence: send it back as `last_event_id` to resume. */
  event_id: number;
  timestamp: string;
}

/** Frames the server sends. */
export type ServerFrame =
  | EventFrame
  | { type: "pong" }
  | { type: "subscribed"; events: Subscription[] }
  | { type: "error"; code: string; message: string };

/** Serialises an event once; the same string goes to every socket that wants it. */
export function eventFrame(event: RecordedEvent): string {
  const frame: EventFrame = {
    type: "event",
    lord: event.lord,
    event: event.type,
    data: event.payload,
    event_id: event.sequence,
    timestamp: event.createdAt,
  };
  return JSON.stringify(frame);
}

/** Serialises a control frame. */
export function controlFrame(frame: Exclude<ServerFrame, EventFrame>): string {
  return JSON.stringify(frame);
}

/** The parse result of one incoming message: a frame, or the error frame to answer with. */
export type ParsedClientMessage = { ok: true; frame: ClientFrame } | { ok: false; code: string; message: string };

/** Parses and validates one incoming WebSocket message. */
export function parseClientMessage(message: string | ArrayBuffer): ParsedClientMessage {
  if (typeof message !== "string") {
    return { ok: false, code: "UNSUPPORTED_FRAME", message: "Binary frames are not supported; send JSON text" };
  }
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return { ok: false, code: "INVALID_JSON", message: "Frame is not valid JSON" };
  }
  const result = v.safeParse(ClientFrameSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    return { ok: false, code: "INVALID_FRAME", message: path ? `${path}: ${issue.message}` : issue.message };
  }
  return { ok: true, frame: result.output };
}
