import type { EventType, LordName } from "../../shared/events/catalogue.ts";
import { ALL_EVENTS, type Subscription } from "../../shared/events/protocol.ts";
import type { RecordedEvent } from "../../shared/events/record.ts";

/**
 * Which Lords receive which of a batch of events: those that react to the type (the static
 * registry), and those with open sockets that want it (a subscribed type, `*`, or the Lord's
 * own events). The Lord that published the batch is skipped: it has already sent the events
 * to its own sockets, and a Lord never reacts to itself.
 */
export function routeToLords(
  events: readonly RecordedEvent[],
  origin: LordName | null,
  interests: ReadonlyMap<LordName, readonly Subscription[]>,
  reactors: ReadonlyMap<EventType, readonly LordName[]>,
): Map<LordName, RecordedEvent[]> {
  const routes = new Map<LordName, RecordedEvent[]>();
  const add = (lord: LordName, event: RecordedEvent) => {
    if (lord === origin) return;
    const list = routes.get(lord) ?? [];
    if (list.at(-1) !== event) list.push(event);
    routes.set(lord, list);
  };
  for (const event of events) {
    for (const lord of reactors.get(event.type) ?? []) add(lord, event);
    for (const [lord, subscriptions] of interests) {
      if (event.lord === lord || subscriptions.includes(ALL_EVENTS) || subscriptions.includes(event.type)) {
        add(lord, event);
      }
    }
  }
  return routes;
}
