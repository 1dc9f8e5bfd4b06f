import { CHANNELS, type Channel, EVENT_TYPES, type EventType, isEventType } from "../../../shared/events/catalogue.ts";

/** The domains of the catalogue (`campaign` of `campaign.created`), each subscribable as `campaign.*`. */
export const EVENT_DOMAINS: ReadonlySet<string> = new Set(Object.keys(EVENT_TYPES).map((type) => domainOf(type)));

function domainOf(type: string): string {
  return type.slice(0, type.indexOf("."));
}

/**
 * Whether a subscription topic names something that can happen: an event type
 * (`campaign.created`), every event of a domain (`campaign.*`) or a RaptorBus channel
 * (`conflicts_channel`).
 */
export function isTopic(topic: string): boolean {
  if (isEventType(topic)) return true;
  if ((CHANNELS as readonly string[]).includes(topic)) return true;
  return topic.endsWith(".*") && EVENT_DOMAINS.has(topic.slice(0, -2));
}

/** The topics an event matches, most specific first: its type, its domain's wildcard, its channel. */
export function topicsOf(event: { type: EventType; channel: Channel }): [string, string, string] {
  return [event.type, `${domainOf(event.type)}.*`, event.channel];
}
