import { describe, expect, it } from "vitest";
import {
  addSubscriptions,
  initialSubscriptions,
  removeSubscriptions,
  unionOf,
  wants,
} from "../../../durable-objects/sockets/subscriptions.ts";
import type { RecordedEvent } from "../../../shared/events/record.ts";

const event = (type: RecordedEvent["type"], lord: RecordedEvent["lord"] = null) => ({ type, lord }) as RecordedEvent;

describe("socket subscriptions", () => {
  it("start with everything on the workspace channel and nothing extra on a Lord's", () => {
    expect(initialSubscriptions(null)).toEqual(["*"]);
    expect(initialSubscriptions("seer")).toEqual([]);
  });

  it("a Lord channel always carries its own Lord's events, plus what it subscribed to", () => {
    const socket = { lord: "seer" as const, events: [] };
    expect(wants(socket, event("trend.predicted", "seer"))).toBe(true);
    expect(wants(socket, event("content.rejected", "aesthete"))).toBe(false);
    expect(wants({ ...socket, events: ["content.rejected"] }, event("content.rejected", "aesthete"))).toBe(true);
  });

  it("`*` matches every event; a type matches only itself", () => {
    expect(wants({ lord: null, events: ["*"] }, event("campaign.created"))).toBe(true);
    expect(wants({ lord: null, events: ["alert.created"] }, event("campaign.created"))).toBe(false);
    expect(wants({ lord: null, events: [] }, event("campaign.created", "seer"))).toBe(false);
  });

  it("add keeps each entry once; remove of an absent entry is harmless", () => {
    expect(addSubscriptions(["alert.created"], ["alert.created", "*"])).toEqual(["alert.created", "*"]);
    expect(removeSubscriptions(["alert.created", "*"], ["*", "plan.created"])).toEqual(["alert.created"]);
  });

  it("the union of sockets' subscriptions is sorted and deduplicated", () => {
    expect(unionOf([{ events: ["plan.created", "alert.created"] }, { events: ["alert.created", "*"] }])).toEqual([
      "*",
      "alert.created",
      "plan.created",
    ]);
  });
});
