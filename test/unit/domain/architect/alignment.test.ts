import { describe, expect, it } from "vitest";
import { alignmentScore } from "../../../../shared/domain/architect/index.ts";

describe("alignmentScore", () => {
  it("weights keyword coverage per goal and explains each", () => {
    // Strategy words: grow, qualified, lead, targeted, content, campaign, improve, brand, awareness (plurals folded).
    // G1 keywords from its description: increase, qualified, lead → 2/3. G2 (weight 2): "brand awareness" matches,
    // "retention" does not → 1/2. Score = (1·2/3 + 2·1/2)/3·100 = 55.56.
    const r = alignmentScore(
      { description: "Grow qualified leads through targeted content campaigns and improve brand awareness." },
      [
        { id: "G1", description: "Increase qualified leads" },
        { id: "G2", description: "Brand", keywords: ["brand awareness", "retention"], weight: 2 },
        { id: "G3", description: "Cut infrastructure costs" },
      ],
    );
    expect(r.goals.map((g) => g.coverage)).toEqual([2 / 3, 1 / 2, 0]);
    // With G3 (weight 1, coverage 0): (2/3 + 1)/4·100 = 41.67.
    expect(r.score).toBeCloseTo(((2 / 3 + 1) / 4) * 100, 10);
    expect(r.reasons).toEqual([
      "Supports goal G1 (mentions qualified, lead)",
      "Supports goal G2 (mentions brand awareness)",
      "Does not address goal G3 (no mention of cut, infrastructure, cost)",
    ]);
  });

  it("rejects an empty goal list", () => {
    expect(() => alignmentScore({ description: "x" }, [])).toThrow("organizationalGoals: needs at least one goal");
  });
});
