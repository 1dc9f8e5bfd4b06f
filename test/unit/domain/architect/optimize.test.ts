import { describe, expect, it } from "vitest";
import { optimizationStrategies } from "../../../../shared/domain/architect/index.ts";

describe("optimizationStrategies", () => {
  const caching = { hitRatio: 0.6, targetHitRatio: 0.9, cacheLatencyMs: 5, originLatencyMs: 200 };
  const queueing = { arrivalRate: 80, serviceRate: 100 };

  it("computes the caching gain from hit ratio and latency split", () => {
    // Now 0.6·5 + 0.4·200 = 83 ms; at 90% hits 0.9·5 + 0.1·200 = 24.5 ms; gain 1 − 24.5/83 = 0.704819.
    const [s] = optimizationStrategies({ metric: "latency" }, { caching });
    expect(s).toMatchObject({ id: "caching", unit: "ms" });
    expect(s!.before).toBeCloseTo(83, 12);
    expect(s!.after).toBeCloseTo(24.5, 12);
    expect(s!.estimatedGain).toBeCloseTo(1 - 24.5 / 83, 12);
  });

  it("sizes horizontal scaling with M/M/1 response times", () => {
    // ρ = 80/100 = 0.8 on 1 instance: W = 1/(100 − 80) s = 50 ms. Target ρ 0.7 → ⌈80/70⌉ = 2 instances,
    // W' = 1/(100 − 40) s = 16.67 ms, gain 1 − 16.67/50 = 2/3. Caching (0.70) ranks first.
    const strategies = optimizationStrategies({ metric: "latency" }, { caching, queueing });
    expect(strategies.map((s) => s.id)).toEqual(["caching", "horizontal_scaling"]);
    const scale = strategies[1]!;
    expect(scale.before).toBeCloseTo(50, 10);
    expect(scale.after).toBeCloseTo(1000 / 60, 10);
    expect(scale.estimatedGain).toBeCloseTo(2 / 3, 10);
    expect(scale.title).toBe("Scale from 1 to 2 instances (utilisation 80% → 40%)");
  });

  it("reports capacity gain for throughput and ranks an unstable queue first", () => {
    const [t] = optimizationStrategies({ metric: "throughput" }, { queueing });
    expect(t).toMatchObject({ before: 100, after: 200, estimatedGain: 1, unit: "req/s" });
    // λ = 120 > μ = 100: unbounded now; ⌈120/70⌉ = 2 instances give 1/(100 − 60) s = 25 ms.
    const overloaded = optimizationStrategies(
      { metric: "latency" },
      { caching, queueing: { arrivalRate: 120, serviceRate: 100 } },
    );
    expect(overloaded[0]).toMatchObject({ id: "horizontal_scaling", estimatedGain: null, before: null, after: 25 });
  });

  it("estimates retries from independent failure probabilities", () => {
    // p = 0.05, 2 retries: failure 0.05³ = 1.25e-4, a reduction of 1 − 0.05² = 0.9975.
    const [r] = optimizationStrategies({ metric: "error_rate" }, { retries: { failureRate: 0.05, maxRetries: 2 } });
    expect(r!.after).toBeCloseTo(1.25e-4, 15);
    expect(r!.estimatedGain).toBeCloseTo(0.9975, 12);
  });

  it("needs the inputs a strategy is computed from", () => {
    expect(() => optimizationStrategies({ metric: "latency" }, {})).toThrow(
      "inputs: a latency bottleneck needs caching or queueing measurements to estimate gains",
    );
    expect(() =>
      optimizationStrategies({ metric: "latency" }, { caching: { ...caching, targetHitRatio: 0.5 } }),
    ).toThrow("inputs.caching.targetHitRatio: must be between 0.6 and 1, got 0.5");
  });
});
