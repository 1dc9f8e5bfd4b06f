import { describe, expect, it } from "vitest";
import { completionStamp } from "../../../../shared/domain/campaigns/index.ts";

const now = new Date("2027-03-10T12:00:00Z");
const earlier = new Date("2027-03-01T09:00:00Z");

describe("completionStamp", () => {
  it("leaves the stamp alone when the status is not written", () => {
    expect(completionStamp(undefined, { status: "completed", completedAt: earlier }, now)).toBeUndefined();
  });

  it("stamps a row that becomes completed, on create too", () => {
    expect(completionStamp("completed", { status: "in_progress", completedAt: null }, now)).toBe(now);
    expect(completionStamp("completed", undefined, now)).toBe(now);
  });

  it("keeps the first stamp while the row stays completed", () => {
    expect(completionStamp("completed", { status: "completed", completedAt: earlier }, now)).toBe(earlier);
  });

  it("clears the stamp when the row leaves completed", () => {
    expect(completionStamp("in_progress", { status: "completed", completedAt: earlier }, now)).toBeNull();
    expect(completionStamp("planned", undefined, now)).toBeNull();
  });
});
