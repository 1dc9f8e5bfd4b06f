import { describe, expect, it } from "vitest";
import {
  addSubscriptions,
  initialSubscriptions,
  removeSubscriptions,
  unionOf,
  wants,
} from "../../../durable-objects/sockets/subscriptions.ts";
import type { RecordedEvent } from "../../../shared/events/record.ts";

const event = (
  type: RecordedEvent["type"],
  lord: RecordedEvent["lord"] = null,
  payload: Record<string, unknown> = {},
) => ({ type, lord, payload }) as RecordedEvent;
const ME = "0c000000-0000-4000-8000-000000000004";

describe("socket subscriptions", () => {
  it("start with everything on the workspace channel and nothing extra on a Lord's", () => {
    expect(initialSubscriptions(null)).toEqual(["*"]);
    expect(initialSubscriptions("seer")).toEqual([]);
  });

  it("a Lord channel always carries its own Lord's events, plus what it subscribed to", () => {
    const socket = { userId: ME, lord: "seer" as const, events: [] };
    expect(wants(socket, event("trend.predicted", "seer"))).toBe(true);
    expect(wants(socket, event("content.rejected", "aesthete"))).toBe(false);
    expect(wants({ ...socket, events: ["content.rejected"] }, event("content.rejected", "aesthete"))).toBe(true);
  });

  it("`*` matches every event; a type matches only itself", () => {
    expect(wants({ userId: ME, lord: null, events: ["*"] }, event("campaign.created"))).toBe(true);
    expect(wants({ userId: ME, lord: null, events: ["alert.created"] }, event("campaign.created"))).toBe(false);
    expect(wants({ userId: ME, lord: null, events: [] }, event("campaign.created", "seer"))).toBe(false);
  });

  it("a notification reaches only its recipient's sockets, whatever they subscribed to", () => {
    const everything = { userId: ME, lord: null, events: ["*" as const] };
    const mine = event("notification.sent", "herald", { recipient_id: ME, channel: "in_app" });
    const theirs = event("notification.sent", "herald", { recipient_id: "0c000000-0000-4000-8000-000000000003" });
    expect(wants(everything, mine)).toBe(true);
    expect(wants(everything, theirs)).toBe(false);
    expect(wants({ ...everything, lord: "herald" as const, events: [] }, theirs)).toBe(false);
    expect(wants(everything, event("broadcast.sent", "herald", { organization: "acme" }))).toBe(true);
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
