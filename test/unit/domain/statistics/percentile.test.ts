import { describe, expect, it } from "vitest";
import { percentile, percentileSummary } from "../../../../shared/domain/statistics/index.ts";

describe("percentile (type 7, linear interpolation)", () => {
  // Sorted 15, 20, 35, 40, 50 (n = 5): h = 4·p/100.
  const values = [40, 15, 50, 35, 20];

  it("interpolates between closest ranks", () => {
    expect(percentile(values, 50)).toBe(35); // h = 2 → x₂
    expect(percentile(values, 40)).toBeCloseTo(29, 12); // h = 1.6 → 20 + 0.6·(35 − 20)
    expect(percentile(values, 0)).toBe(15);
    expect(percentile(values, 100)).toBe(50);
  });

  it("summarises p50/p90/p95/p99", () => {
    // h = 3.6 → 40 + 0.6·10 = 46; h = 3.8 → 48; h = 3.96 → 49.6.
    const s = percentileSummary(values);
    expect(s.p50).toBe(35);
    expect(s.p90).toBeCloseTo(46, 12);
    expect(s.p95).toBeCloseTo(48, 12);
    expect(s.p99).toBeCloseTo(49.6, 12);
    expect([s.min, s.max]).toEqual([15, 50]);
  });

  it("returns the single value of a one-point series", () => {
    expect(percentileSummary([7]).p99).toBe(7);
  });

  it("rejects p outside 0–100 and empty input", () => {
    expect(() => percentile(values, 101)).toThrow("p: must be between 0 and 100");
    expect(() => percentile([], 50)).toThrow("values: a percentile needs at least 1 points, got 0");
  });
});
