import { describe, expect, it } from "vitest";
import { decide, type Learning } from "../../../../shared/domain/cognition/index.ts";

const learnings: Learning[] = [
  { id: "E1", type: "success", insight: "Email campaign with short subject lines lifted opens", confidence: 1 },
  { id: "E2", type: "success", insight: "Weekly email campaigns drove signups", confidence: 1 },
  { id: "T1", type: "failure", insight: "TikTok ads did not convert", confidence: 1 },
  { id: "P1", type: "pattern", insight: "Email campaign sends peak on Mondays", confidence: 1 },
];

describe("decide", () => {
  it("chooses by Beta posterior and reports the probability it is the better option", () => {
    // A {email, campaign}: E1, E2 contain both words → Beta(3, 1), mean 0.75, var 3/(16·5) = 0.0375.
    // B {tiktok, ad}: T1 → Beta(1, 2), mean 1/3, var 2/(9·4) = 0.05556. Patterns carry no outcome.
    // Confidence Φ((0.75 − 0.3333)/√0.093056) = Φ(1.36590) = 0.914014 (scipy.stats.norm.cdf).
    const d = decide(
      [
        { id: "A", description: "Email campaign" },
        { id: "B", description: "TikTok ads" },
      ],
      learnings,
    );
    expect(d.choice).toBe("A");
    expect(d.options.map((o) => [o.optionId, o.learningIds, o.expectedSuccess])).toEqual([
      ["A", ["E1", "E2"], 0.75],
      ["B", ["T1"], 1 / 3],
    ]);
    expect(d.confidence).toBeCloseTo(0.9140141819, 9);
    expect(d.rationale).toEqual([
      "Chose A over B (91% likely to be the better option)",
      "A: 2 relevant learnings → expected success 75%",
      "B: 1 relevant learning → expected success 33%",
    ]);
  });

  it("compares a single option against even odds", () => {
    // Beta(3, 1): Φ((0.75 − 0.5)/√0.0375) = Φ(1.29099) = 0.901647.
    const d = decide([{ id: "A", description: "Email campaign" }], learnings);
    expect(d.confidence).toBeCloseTo(0.9016471988, 9);
  });

  it("is a coin flip without evidence, keeping input order", () => {
    const d = decide(
      [
        { id: "X", description: "Podcast sponsorship" },
        { id: "Y", description: "Billboards" },
      ],
      learnings,
    );
    expect(d.choice).toBe("X");
    expect(d.confidence).toBe(0.5);
    expect(d.rationale[1]).toBe("X: no relevant learnings, so expected success stays at the prior 50%");
  });

  it("rejects an empty option list", () => {
    expect(() => decide([], learnings)).toThrow("options: needs at least one option");
  });
});
