import { describe, expect, it } from "vitest";
import { checkBrandCompliance, findTerm } from "../../../../shared/domain/aesthete/index.ts";

describe("findTerm", () => {
  it("matches whole words and phrases case-insensitively", () => {
    expect(findTerm("Ads and an advert. AD!", "ad")).toEqual([{ start: 19, end: 21, text: "AD" }]);
    expect(findTerm("a free\n trial", "free trial")).toEqual([{ start: 2, end: 13, text: "free\n trial" }]);
  });
});

describe("checkBrandCompliance", () => {
  // Offsets: "Raptorflow" 0–10, first "!" 22, "!!" 31–32, "guarantee" 37–46; sentence one spans 0–23.
  const text = "Raptorflow is the best! Buy now!! We guarantee results.";

  it("evaluates every rule with its weight and positions", () => {
    const r = checkBrandCompliance(text, {
      rules: [
        { id: "name", kind: "brand_name", name: "RaptorFlow", weight: 3 },
        { id: "no-promises", kind: "banned_term", term: "guarantee", weight: 2 },
        { id: "calm", kind: "max_exclamations", limit: 1, weight: 1 },
        { id: "short", kind: "max_sentence_words", limit: 3, weight: 1 },
      ],
      requiredTerms: ["results"],
    });
    // Passed: only required:results (weight 1) of total 3 + 2 + 1 + 1 + 1 = 8 → 12.5.
    expect(r.rules.map((x) => [x.ruleId, x.passed])).toEqual([
      ["name", false],
      ["no-promises", false],
      ["calm", false],
      ["short", false],
      ["required:results", true],
    ]);
    expect(r.score).toBeCloseTo(12.5, 12);
    expect(r.compliant).toBe(false);
    expect(r.violations.map((v) => [v.ruleId, v.position, v.excerpt])).toEqual([
      ["name", { start: 0, end: 10 }, "Raptorflow"],
      ["short", { start: 0, end: 23 }, "Raptorflow is the best!"],
      ["calm", { start: 31, end: 32 }, "!"],
      ["calm", { start: 32, end: 33 }, "!"],
      ["no-promises", { start: 37, end: 46 }, "guarantee"],
    ]);
    expect(r.rules[3]!.violations[0]!.message).toBe("sentence has 4 words (limit 3)");
  });

  it("reports a missing required term without a position", () => {
    const r = checkBrandCompliance("Hello", { requiredTerms: ["free trial"] });
    expect(r.violations).toEqual([
      { ruleId: "required:free trial", position: null, excerpt: "", message: 'required term "free trial" is missing' },
    ]);
    expect(r.score).toBe(0);
  });

  it("scores 100 with no rules and rejects non-positive weights", () => {
    expect(checkBrandCompliance("anything", {})).toMatchObject({ score: 100, compliant: true });
    expect(() =>
      checkBrandCompliance("x", { rules: [{ id: "r", kind: "banned_term", term: "x", weight: 0 }] }),
    ).toThrow("rules[0].weight: must be greater than 0");
  });
});
