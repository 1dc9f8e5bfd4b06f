import { describe, expect, it } from "vitest";
import { routeToLords } from "../../../durable-objects/bus/routing.ts";
import type { EventType, LordName } from "../../../shared/events/catalogue.ts";
import type { Subscription } from "../../../shared/events/protocol.ts";
import type { RecordedEvent } from "../../../shared/events/record.ts";

let sequence = 0;
const event = (type: EventType, lord: LordName | null = null) =>
  ({ type, lord, sequence: ++sequence }) as RecordedEvent;
const interests = (entries: [LordName, Subscription[]][]) => new Map(entries);
const reactors = (entries: [EventType, LordName[]][]) => new Map(entries);
const summary = (routes: Map<LordName, RecordedEvent[]>) =>
  Object.fromEntries([...routes].map(([lord, events]) => [lord, events.map((e) => e.type)]));

describe("routing events to Lords", () => {
  it("sends an event to the Lords that react to it (Cognition learns from Aesthete's rejections)", () => {
    const routes = routeToLords(
      [event("content.rejected", "aesthete"), event("content.approved", "aesthete")],
      "aesthete",
      interests([]),
      reactors([["content.rejected", ["cognition"]]]),
    );
    expect(summary(routes)).toEqual({ cognition: ["content.rejected"] });
  });

  it("sends events to Lords whose sockets subscribed to the type, `*`, or carry the Lord's own events", () => {
    const batch = [event("plan.created", "strategos"), event("alert.created"), event("trend.predicted", "seer")];
    const routes = routeToLords(
      batch,
      null,
      interests([
        ["herald", ["alert.created"]],
        ["arbiter", ["*"]],
        ["seer", []],
      ]),
      reactors([]),
    );
    expect(summary(routes)).toEqual({
      herald: ["alert.created"],
      arbiter: ["plan.created", "alert.created", "trend.predicted"],
      seer: ["trend.predicted"],
    });
  });

  it("never routes back to the publishing Lord, and lists an event once per Lord", () => {
    const routes = routeToLords(
      [event("content.rejected", "aesthete")],
      "aesthete",
      interests([
        ["aesthete", ["*"]],
        ["cognition", ["content.rejected"]],
      ]),
      reactors([["content.rejected", ["cognition", "aesthete"]]]),
    );
    expect(summary(routes)).toEqual({ cognition: ["content.rejected"] });
  });

  it("routes nothing when no Lord cares", () => {
    expect(routeToLords([event("cache.invalidated")], null, interests([]), reactors([])).size).toBe(0);
  });
});
