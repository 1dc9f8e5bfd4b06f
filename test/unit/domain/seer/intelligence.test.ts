import { describe, expect, it } from "vitest";
import { intelligenceScores } from "../../../../shared/domain/seer/index.ts";

describe("intelligenceScores", () => {
  const base = {
    type: "competitive" as const,
    reach: 0.64,
    magnitude: 0.25,
    sentiment: -0.5,
    sourceReliability: 0.5,
    ageDays: 30,
    topics: ["Pricing", "ads"],
    focusTopics: ["prices"],
  };

  it("computes impact, relevance and threat by the documented formulas", () => {
    // impact = 100·√(0.64·0.25)·0.5 = 100·0.4·0.5 = 20; freshness 0.5^(30/30) = 0.5;
    // coverage: "pricing" ≠ "price" (only plurals fold), so check with a matching focus below.
    const s = intelligenceScores(base);
    expect(s.impact).toBeCloseTo(20, 12);
    expect(s.factors.freshness).toBe(0.5);
    expect(s.factors.topicCoverage).toBe(0);
    expect(s.relevance).toBe(0);
    expect(s.threat).toBe(0);
  });

  it("counts folded plural topics as covered", () => {
    // Topics {pricing, ad}; focus {pricing, ad} after folding "ads" → "ad": coverage 1 → relevance 100·1·0.5 = 50.
    // threat = 20·0.5·1 = 10 → low; opportunity 0 (negative sentiment).
    const s = intelligenceScores({ ...base, focusTopics: ["pricing", "Ads"] });
    expect(s.relevance).toBeCloseTo(50, 12);
    expect(s.threat).toBeCloseTo(10, 12);
    expect(s.opportunity).toBe(0);
    expect(s.threatLevel).toBe("low");
  });

  it("rates a broad, verified, hostile development a critical threat", () => {
    // impact = 100·√(1·0.81)·1 = 90; threat = 90·0.9·1 (no focus → coverage 1) = 81 ≥ 75.
    const s = intelligenceScores({
      ...base,
      reach: 1,
      magnitude: 0.81,
      sourceReliability: 1,
      sentiment: -0.9,
      focusTopics: undefined,
    });
    expect(s.threat).toBeCloseTo(81, 12);
    expect(s.threatLevel).toBe("critical");
  });

  it("rejects out-of-range attributes", () => {
    expect(() => intelligenceScores({ ...base, reach: 1.2 })).toThrow("reach: must be between 0 and 1, got 1.2");
    expect(() => intelligenceScores({ ...base, type: "gossip" as never })).toThrow("type: must be one of");
  });
});
