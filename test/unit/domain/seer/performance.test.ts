import { describe, expect, it } from "vitest";
import { performanceAnalysis } from "../../../../shared/domain/seer/index.ts";

describe("performanceAnalysis", () => {
  const metrics = [
    { name: "conversions", values: [100, 110, 120, 130, 140] },
    { name: "cpa", values: [50, 50, 50, 50, 40], higherIsBetter: false },
    { name: "ctr", values: [0.02, 0.018, 0.015, 0.012, 0.01] },
  ];
  const thresholds = { conversions: { target: 125 }, cpa: { target: 30, acceptable: 45 }, ctr: { target: 0.02 } };

  it("scores attainment capped at 1 and classifies metrics", () => {
    // conversions 140/125 = 1.12 → capped 1, strength; cpa 30/40 = 0.75, acceptable 30/45 = 0.667 → adequate;
    // ctr 0.01/0.02 = 0.5 < 0.8 → weakness. Score = 100·(1 + 0.75 + 0.5)/3 = 75.
    const a = performanceAnalysis(metrics, thresholds);
    expect(a.score).toBeCloseTo(75, 12);
    expect(a.metrics.map((m) => m.status)).toEqual(["strength", "adequate", "weakness"]);
    expect(a.metrics[1]!.attainment).toBeCloseTo(0.75, 12);
    expect(a.strengths).toEqual(["conversions: 140 against target 125 (112% of target; trend improving)"]);
    expect(a.weaknesses).toHaveLength(1);
  });

  it("reads trends through higherIsBetter", () => {
    // conversions rise exactly (p = 0) → improving; cpa: slope −2 with p ≈ 0.18 → stable; ctr falls steadily → declining.
    const a = performanceAnalysis(metrics, thresholds);
    expect(a.metrics.map((m) => m.trend)).toEqual(["improving", "stable", "declining"]);
    expect(a.trend).toBe("mixed");
  });

  it("rejects metrics without thresholds", () => {
    expect(() => performanceAnalysis([{ name: "reach", values: [1] }], {})).toThrow(
      'thresholds.reach: no threshold given for metric "reach"',
    );
  });
});
