import { describe, expect, it } from "vitest";
import { approvalDecision, assessQuality, designFeedback } from "../../../../shared/domain/aesthete/index.ts";

// 11 words, 2 sentences, 13 syllables (Plan 1, each 1, cam-paign 2, in 1, one 1, cheap 1, place 1, Try 1, it 1,
// free 1, to-day 2). FRE = 206.835 − 1.015·5.5 − 84.6·13/11 = 101.27 → readability 1.
const text = "Plan each campaign in one cheap place. Try it free today.";
const guidelines = { voiceKeywords: ["campaign", "effortless"], bannedTerms: ["cheap"] };

describe("assessQuality", () => {
  it("scores each dimension of the rubric", () => {
    // readability 25·1, length 20·1 (11 words within messaging 10–60), brand voice 20·½ ("effortless" missing),
    // banned 15·(1 − 0.5) = 7.5, clarity 10·1, CTA 10·1 ("try") → 82.5 of 100: excellent.
    const q = assessQuality(text, "messaging", guidelines);
    expect(q.readability.fleschReadingEase).toBeCloseTo(101.2706818, 6);
    const points = Object.fromEntries(q.breakdown.map((d) => [d.dimension, d.points]));
    expect(points).toEqual({
      readability: 25,
      length: 20,
      brand_voice: 10,
      banned_terms: 7.5,
      clarity: 10,
      call_to_action: 10,
    });
    expect(q.total).toBeCloseTo(82.5, 10);
    expect(q.level).toBe("excellent");
    expect(q.breakdown.find((d) => d.dimension === "brand_voice")!.detail).toBe(
      "1 of 2 voice terms used; missing: effortless",
    );
  });

  it("rescales over applicable dimensions when guidelines or a CTA do not apply", () => {
    // visual: target 5–40 words (11 → 1); no keywords, no banned terms, no CTA expected → only readability, length
    // and clarity count (weights 55), all full → 100.
    const q = assessQuality(text, "visual");
    expect(q.breakdown.filter((d) => d.applicable).map((d) => d.dimension)).toEqual([
      "readability",
      "length",
      "clarity",
    ]);
    expect(q.total).toBeCloseTo(100, 10);
    expect(q.level).toBe("outstanding");
  });

  it("penalises length outside the range and long sentences", () => {
    // branding targets 3–30 words; a 33-word single sentence scores length 30/33 and clarity 0.
    const long = `${"very ".repeat(32)}long.`;
    const q = assessQuality(long, "branding");
    const byDim = Object.fromEntries(q.breakdown.map((d) => [d.dimension, d.score]));
    expect(byDim.length).toBeCloseTo(30 / 33, 12);
    expect(byDim.clarity).toBe(0);
  });

  it("rejects unknown content types and empty content", () => {
    expect(() => assessQuality("hi", "poster" as never)).toThrow("contentType: must be one of");
    expect(() => assessQuality("  ", "copy")).toThrow("content: must contain at least one word");
  });
});

describe("designFeedback and approvalDecision", () => {
  it("ties feedback to dimensions, biggest loss first", () => {
    const f = designFeedback(assessQuality(text, "messaging", guidelines));
    // Losses: brand voice 20·½ = 10, banned terms 15·½ = 7.5.
    expect(f.improvements.map((i) => [i.dimension, i.pointsLost])).toEqual([
      ["brand_voice", 10],
      ["banned_terms", 7.5],
    ]);
    expect(f.improvements[1]!.message).toBe("Banned terms: banned terms used: cheap. Remove the banned terms.");
    expect(f.strengths.map((s) => s.dimension)).toEqual(["readability", "length", "clarity", "call_to_action"]);
    expect(f.summary).toBe("Score 83 (excellent). Biggest gain: brand voice.");
  });

  it("approves at 75 and above", () => {
    expect(approvalDecision(75)).toEqual({ approved: true, score: 75, threshold: 75, level: "excellent", margin: 0 });
    expect(approvalDecision(74.9).approved).toBe(false);
    expect(approvalDecision(39).level).toBe("poor");
    expect(() => approvalDecision(101)).toThrow("score: must be between 0 and 100");
  });
});
