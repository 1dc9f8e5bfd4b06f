import { describe, expect, it } from "vitest";
import { mentorAgent } from "../../../../shared/domain/cognition/index.ts";

describe("mentorAgent", () => {
  const ok = (latencyMs: number, costUsd = 0.01) => ({ succeeded: true, latencyMs, costUsd });
  const fail = (latencyMs: number, error: string, costUsd = 0.01) => ({ succeeded: false, latencyMs, costUsd, error });
  const history = [
    ok(1000),
    ok(1200),
    ok(900),
    ok(1100),
    ok(1000),
    ok(1300, 0.05),
    fail(30000, "Timeout after 30000 ms calling tool 'search'"),
    fail(31000, "Timeout after 31000 ms calling tool 'crawl'"),
    ok(800),
    fail(1200, "Rate limit exceeded (429)"),
  ];

  it("derives guidance from success rate, latency, cost and error patterns", () => {
    const m = mentorAgent(history);
    // 7/10 succeeded: 0.7 ≤ 0.95 − 0.1 → high. First half 5/5, second half 2/5: a 60-point drop → medium.
    expect(m.successRate).toBe(0.7);
    // Sorted latencies 800 … 30000, 31000: p95 at h = 8.55 → 30000 + 0.55·1000 = 30550 ≥ 2·5000 → high.
    expect(m.latency.p95).toBeCloseTo(30550, 9);
    // Costs: nine at 0.01, one at 0.05 → mean 0.014, median 0.01; 0.05 > 3·0.01 → one outlier (low).
    expect(m.cost.mean).toBeCloseTo(0.014, 12);
    // Timeouts share a pattern once numbers and quoted names are masked: 2 of 3 failures → high.
    expect(m.errorPatterns[0]).toMatchObject({ pattern: "timeout after # ms calling tool <value>", count: 2 });
    expect(m.errorPatterns[0]!.share).toBeCloseTo(2 / 3, 12);
    expect(m.guidance.map((g) => [g.area, g.severity])).toEqual([
      ["reliability", "high"],
      ["reliability", "medium"],
      ["latency", "high"],
      ["cost", "low"],
      ["errors", "high"],
    ]);
    expect(m.status).toBe("critical");
  });

  it("is healthy when targets are met", () => {
    const m = mentorAgent([ok(100), ok(200), ok(300)], { costPerRunUsd: 0.02 });
    expect(m.guidance).toEqual([]);
    expect(m.status).toBe("healthy");
  });

  it("rejects an empty history and negative latencies", () => {
    expect(() => mentorAgent([])).toThrow("executionHistory: needs at least one execution");
    expect(() => mentorAgent([ok(-1)])).toThrow("executionHistory[0].latencyMs: must not be negative");
  });
});
