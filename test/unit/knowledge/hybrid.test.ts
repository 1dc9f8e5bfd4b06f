import { describe, expect, it } from "vitest";
import { hybridRank, keywordScores } from "../../../shared/knowledge/hybrid.ts";

describe("keywordScores", () => {
  it("happy: the share of the query's terms a document contains, rare terms weighing more", () => {
    const docs = [
      "Initech cut mid-market prices by 20 percent this quarter.",
      "Our campaign prices were stable this quarter.",
      "Campaign results for the spring launch.",
    ];
    const [initech, stable, spring] = keywordScores("Initech prices", docs);
    expect(initech).toBeCloseTo(1, 5);
    expect(stable).toBeGreaterThan(0);
    expect(stable).toBeLessThan(0.5);
    expect(spring).toBe(0);
  });

  it("edge: stopword-only queries and empty inputs score zero", () => {
    expect(keywordScores("the of and", ["the cat"])).toEqual([0]);
    expect(keywordScores("budget", [])).toEqual([]);
    // Plurals fold: "campaigns" matches "campaign".
    expect(keywordScores("campaigns", ["one campaign", "nothing"])[0]).toBeGreaterThan(0);
  });
});

describe("hybridRank", () => {
  const candidates = [
    { id: "a", text: "Brand voice is warm and direct.", vectorScore: 0.8 },
    { id: "b", text: "Initech announced a 20% discount on annual plans.", vectorScore: 0.75 },
    { id: "c", text: "Quarterly report on the market.", vectorScore: 0.7 },
  ];

  it("happy: an exact keyword match can overtake a slightly closer vector", () => {
    const ranked = hybridRank("Initech discount", candidates, 0.3);
    expect(ranked.map((r) => r.id)).toEqual(["b", "a", "c"]);
    expect(ranked[0]!.keywordScore).toBeCloseTo(1, 5);
    expect(ranked[0]!.score).toBeCloseTo(0.7 * 0.75 + 0.3, 5);
  });

  it("happy: weight 0 is pure vector order", () => {
    expect(hybridRank("Initech discount", candidates, 0).map((r) => r.id)).toEqual(["a", "b", "c"]);
  });

  it("error: a weight outside 0…1 is refused", () => {
    expect(() => hybridRank("x", candidates, 1.5)).toThrow(RangeError);
  });
});
