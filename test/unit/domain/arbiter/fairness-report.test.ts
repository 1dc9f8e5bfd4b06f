import { describe, expect, it } from "vitest";
import { fairnessReport } from "../../../../shared/domain/arbiter/index.ts";

const decision = (id: string, parties: string[], winner: string | null, fairnessScore = 0.8, satisfaction = 0.6) => ({
  id,
  parties,
  winner,
  fairnessScore,
  satisfaction,
});

describe("fairnessReport", () => {
  it("flags a party that wins every one of six two-party decisions", () => {
    // P(6 of 6 | p = ½) = 1/64 = 0.015625 < 0.05/2 = 0.025 → flagged. B's p-value is P(W ≥ 0) = 1.
    const decisions = Array.from({ length: 6 }, (_, i) => decision(`d${i}`, ["A", "B"], "A", i < 3 ? 0.9 : 0.5, 0.5));
    const r = fairnessReport(decisions);
    expect(r.averageFairness).toBeCloseTo(0.7, 12);
    expect(r.averageSatisfaction).toBe(0.5);
    expect(r.significanceLevel).toBe(0.025);
    const a = r.parties.find((p) => p.party === "A")!;
    expect(a).toMatchObject({ participated: 6, decided: 6, wins: 6, expectedWins: 3, winShare: 1 });
    expect(a.pValue).toBeCloseTo(1 / 64, 14);
    expect(r.parties.find((p) => p.party === "B")!.pValue).toBe(1);
    expect(r.biasIndicators.map((b) => b.party)).toEqual(["A"]);
    expect(r.biasIndicators[0]!.message).toBe(
      "A won 6 of 6 contested decisions; about 3 would be expected by chance (p = 0.016).",
    );
  });

  it("computes the exact Poisson-binomial tail over mixed party counts", () => {
    // A's chances ½, ½, ¼, ¼; 3 wins. P(4) = ¼·1/16 = 1/64. P(3): lose one half-chance 2·¼·1/16 = 1/32, or lose
    // one quarter-chance ¼·2·¼·¾ = 3/32 → P(W ≥ 3) = 1/64 + 4/32 = 9/64. Expected wins 1.5. Compromise excluded.
    const r = fairnessReport([
      decision("1", ["A", "B"], "A"),
      decision("2", ["A", "C"], "A"),
      decision("3", ["A", "B", "C", "D"], "A"),
      decision("4", ["A", "B", "C", "D"], "B"),
      decision("5", ["A", "B"], null),
    ]);
    const a = r.parties.find((p) => p.party === "A")!;
    expect(a.participated).toBe(5);
    expect(a.decided).toBe(4);
    expect(a.expectedWins).toBe(1.5);
    expect(a.pValue).toBeCloseTo(9 / 64, 14);
    expect(r.biasIndicators).toEqual([]);
  });

  it("rejects a winner who was not a party", () => {
    expect(() => fairnessReport([decision("1", ["A", "B"], "Z")])).toThrow(
      'decisions[0].winner: "Z" is not one of the decision\'s parties',
    );
  });
});
