import { describe, expect, it } from "vitest";
import { appealAllowed } from "../../../../shared/domain/arbiter/index.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("appealAllowed", () => {
  const decidedAt = "2025-03-01T12:00:00.000Z";
  const decided = Date.parse(decidedAt);

  it("allows an appeal at 13 days 23 hours", () => {
    const w = appealAllowed(decidedAt, new Date(decided + 13 * DAY + 23 * HOUR));
    expect(w.allowed).toBe(true);
    expect(w.remainingMs).toBe(HOUR);
    expect(w.deadline).toBe("2025-03-15T12:00:00.000Z");
  });

  it("refuses an appeal at 14 days 1 hour", () => {
    const w = appealAllowed(decidedAt, decided + 14 * DAY + HOUR);
    expect(w.allowed).toBe(false);
    expect(w.remainingMs).toBe(0);
  });

  it("includes the exact 14-day boundary", () => {
    expect(appealAllowed(decidedAt, decided + 14 * DAY).allowed).toBe(true);
  });

  it("rejects a now before the decision and unparseable dates", () => {
    expect(() => appealAllowed(decidedAt, decided - 1)).toThrow("now: is before decidedAt");
    expect(() => appealAllowed("yesterday", decided)).toThrow("decidedAt: must be a valid date");
  });
});
