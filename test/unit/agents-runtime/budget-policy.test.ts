import { describe, expect, it } from "vitest";
import { monthStart, spendKey } from "../../../shared/agents/runtime/budget.ts";
import {
  type BudgetSnapshot,
  cheaperOf,
  decideBudget,
  defaultLimitUsd,
} from "../../../shared/agents/runtime/budget-policy.ts";

const snapshot = (spentUsd: number, overrides: Partial<BudgetSnapshot> = {}): BudgetSnapshot => ({
  limitUsd: 10,
  spentUsd,
  thresholdPercent: 80,
  hardLimit: true,
  source: "budget",
  ...overrides,
});

describe("decideBudget", () => {
  it("happy: under the threshold the requested tier runs", () => {
    expect(decideBudget(snapshot(7.99), "strongest")).toEqual({
      kind: "allow",
      tier: "strongest",
      remainingUsd: 10 - 7.99,
      thresholdReached: false,
    });
  });

  it("past the threshold drops one tier", () => {
    expect(decideBudget(snapshot(8), "strongest")).toMatchObject({
      kind: "downgrade",
      tier: "balanced",
      from: "strongest",
    });
    expect(decideBudget(snapshot(9.5), "balanced")).toMatchObject({
      kind: "downgrade",
      tier: "fast",
      from: "balanced",
    });
  });

  it("past the threshold the cheapest tier stays, flagged", () => {
    expect(decideBudget(snapshot(9), "fast")).toMatchObject({ kind: "allow", tier: "fast", thresholdReached: true });
  });

  it("error: at zero a hard limit refuses", () => {
    expect(decideBudget(snapshot(10), "fast")).toEqual({ kind: "refuse", remainingUsd: 0, limitUsd: 10, spentUsd: 10 });
    expect(decideBudget(snapshot(12), "strongest").kind).toBe("refuse");
    expect(decideBudget(snapshot(0, { limitUsd: 0 }), "fast").kind).toBe("refuse");
  });

  it("at zero a soft limit keeps going on the cheapest tier", () => {
    expect(decideBudget(snapshot(10, { hardLimit: false }), "strongest")).toMatchObject({
      kind: "downgrade",
      tier: "fast",
    });
  });

  it("cheaperOf never raises a tier", () => {
    expect(cheaperOf("balanced", "strongest")).toBe("balanced");
    expect(cheaperOf("strongest", "fast")).toBe("fast");
    expect(cheaperOf("fast", "fast")).toBe("fast");
  });

  it("defaults to $10 per member, at least one member", () => {
    expect(defaultLimitUsd(4)).toBe(40);
    expect(defaultLimitUsd(0)).toBe(10);
  });

  it("keys spend by UTC month", () => {
    const now = new Date("2026-11-30T23:59:59Z");
    expect(monthStart(now).toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(spendKey("ws", now)).toBe("agents:spend:ws:2026-11");
    expect(spendKey("ws", new Date("2026-12-01T00:00:00Z"))).toBe("agents:spend:ws:2026-12");
  });
});
