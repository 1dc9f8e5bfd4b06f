import { describe, expect, it } from "vitest";
import { analyzeArchitecture } from "../../../../shared/domain/architect/index.ts";

describe("analyzeArchitecture", () => {
  const metrics = {
    latencyMs: [40, 42, 45, 50, 60, 80, 90, 120, 150, 200],
    throughputRps: [50, 52, 48, 51, 49],
    errorRate: [0.001, 0.002, 0.002, 0.003, 0.004],
  };

  it("computes percentiles and flags a p99 breach by its ratio", () => {
    // p99: h = 9·0.99 = 8.91 → 150 + 0.91·50 = 195.5 ms; 195.5/100 = 1.955 ≥ 1.5 → high. p50: 60 + 0.5·20 = 70.
    const a = analyzeArchitecture(metrics);
    expect(a.latency.percentiles.p99).toBeCloseTo(195.5, 10);
    expect(a.latency.percentiles.p50).toBe(70);
    expect(a.latency.trend!.direction).toBe("rising");
    expect(a.bottlenecks[0]).toMatchObject({
      metric: "latency",
      kind: "threshold_exceeded",
      statistic: "p99",
      severity: "high",
      message: "p99 latency 195.5 ms exceeds 100 ms",
    });
    expect(a.healthy).toBe(false);
  });

  it("warns early about a significant worsening trend within the limit", () => {
    // Error rate mean 0.0024 < 1%. Slope = Σ(x − 2)(y − ȳ)/10 = 0.007/10 = 0.0007; SSE = 3e-7, s = √1e-7,
    // SE = s/√10 = 1e-4, t = 7 (3 df) → p ≈ 0.006: significant and rising → low-severity warning.
    const a = analyzeArchitecture(metrics);
    expect(a.errorRate.trend!.slopePerSample).toBeCloseTo(0.0007, 12);
    expect(a.errorRate.trend!.pValue).toBeLessThan(0.01);
    expect(a.bottlenecks[1]).toMatchObject({ metric: "error_rate", kind: "degrading_trend", severity: "low" });
    expect(a.bottlenecks).toHaveLength(2);
    // Throughput 48–52 around a median of 50: above 10 req/s and no significant trend.
    expect(a.throughput.trend!.direction).toBe("flat");
  });

  it("applies custom thresholds and severity bands", () => {
    // Median throughput 50 against a 120 req/s floor: ratio 2.4 → critical.
    const a = analyzeArchitecture(metrics, { latencyP99Ms: 400, throughputMinRps: 120 });
    expect(a.bottlenecks.map((b) => [b.metric, b.severity])).toEqual([
      ["throughput", "critical"],
      ["latency", "low"],
      ["error_rate", "low"],
    ]);
  });

  it("skips trends below 3 samples and rejects invalid samples", () => {
    const a = analyzeArchitecture({ latencyMs: [10, 20], throughputRps: [30], errorRate: [0] });
    expect(a.latency.trend).toBeNull();
    expect(a.throughput.stddev).toBeNull();
    expect(a.healthy).toBe(true);
    expect(() => analyzeArchitecture({ ...metrics, errorRate: [1.5] })).toThrow(
      "errorRate[0]: must be between 0 and 1",
    );
    expect(() => analyzeArchitecture({ ...metrics, latencyMs: [] })).toThrow("latencyMs: needs at least 1 sample");
  });
});
