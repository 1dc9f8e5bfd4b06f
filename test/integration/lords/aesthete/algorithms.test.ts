import { describe, expect, it } from "vitest";
import { titleOf } from "../../../../durable-objects/lords/aesthete/content.ts";
import {
  feedbackTypeOf,
  severityForPointsLost,
  severityForVisualIssue,
} from "../../../../durable-objects/lords/aesthete/feedback-severity.ts";
import { resolveGuidelines } from "../../../../durable-objects/lords/aesthete/guidelines.ts";
import { scorePointsLost } from "../../../../durable-objects/lords/aesthete/reviews.ts";
import { assessQuality } from "../../../../shared/domain/aesthete/index.ts";

describe("severityForPointsLost", () => {
  it("grades by share of a quality level", () => {
    expect([20, 15, 14.99, 7.5, 7.49, 2.5, 2.49, 0].map(severityForPointsLost)).toEqual([
      "critical",
      "critical",
      "major",
      "major",
      "minor",
      "minor",
      "info",
      "info",
    ]);
  });

  it("grades visual issues by kind and colour distance", () => {
    expect(severityForVisualIssue("color", 10, 5)).toBe("minor");
    expect(severityForVisualIssue("color", 10.01, 5)).toBe("major");
    expect(severityForVisualIssue("font", undefined, 5)).toBe("major");
    expect(severityForVisualIssue("layout.spacing", undefined, 5)).toBe("minor");
    expect(["brand_voice", "clarity", "color", "font", "layout.grid_columns"].map(feedbackTypeOf)).toEqual([
      "brand",
      "copy",
      "color",
      "typography",
      "layout",
    ]);
  });
});

describe("scorePointsLost", () => {
  it("rescales a dimension's weighted loss by the weights that applied", () => {
    // No guidelines: brand voice (20) and banned terms (15) do not apply, so 65 weight points remain; CTA applies.
    const assessment = assessQuality("Buy now.", "copy");
    expect(assessment.breakdown.filter((d) => d.applicable).reduce((s, d) => s + d.weight, 0)).toBe(65);
    // Losing the whole 10-point CTA weight costs 10/65 of the score: 15.38 points.
    expect(scorePointsLost(assessment, 10)).toBeCloseTo(15.3846, 4);
  });
});

describe("resolveGuidelines", () => {
  it("weighs text rules by guideline × rule weight and merges visual rules", () => {
    const resolved = resolveGuidelines([
      {
        id: "g1",
        name: "Voice",
        category: "voice",
        weight: 2,
        rules: [
          { kind: "banned_term", term: "cheap", weight: 1.5 },
          { kind: "required_term", term: "RaptorFlow" },
          { kind: "voice_keywords", terms: ["fast"] },
          { kind: "palette", colors: ["#000"], max_delta_e: 4 },
          { kind: "layout", grid_columns: 12 },
          "Be kind",
          { kind: "sparkle" },
        ],
      },
      {
        id: "g2",
        name: "Visual",
        category: "visual",
        weight: 1,
        rules: [
          { kind: "palette", colors: ["#fff"], max_delta_e: 6 },
          { kind: "fonts", fonts: ["Inter"] },
          { kind: "layout", grid_columns: 8, spacing_unit: 4 },
          { kind: "cta_phrases", phrases: ["book a call"] },
        ],
      },
    ]);
    expect(resolved.text.rules!.map((r) => [r.id, r.kind, r.weight])).toEqual([
      ["g1#0", "banned_term", 3],
      ["g1#1", "required_term", 2],
    ]);
    expect(resolved.text).toMatchObject({
      bannedTerms: ["cheap"],
      requiredTerms: ["RaptorFlow"],
      voiceKeywords: ["fast"],
      ctaPhrases: ["book a call"],
    });
    // Palettes and fonts unite, the strictest tolerance wins, the first layout value stays.
    expect(resolved.visual).toEqual({
      palette: ["#000", "#fff"],
      fonts: ["Inter"],
      maxDeltaE: 4,
      layout: { gridColumns: 12, spacingUnit: 4 },
    });
    expect(resolved.unchecked.map((u) => [u.guideline, u.reason.split(":")[0]])).toEqual([
      ["Voice", "free-text guidance; needs a human reviewer"],
      ["Voice", "not a recognised rule"],
    ]);
    expect(resolved.ruleSources.get("g1#0")).toEqual({ guideline_id: "g1", guideline: "Voice" });
  });
});

describe("titleOf", () => {
  it("takes the first line, cut after a whole word at 80 characters", () => {
    expect(titleOf("Short headline\nBody text")).toBe("Short headline");
    const long = "Plan produce and prove every campaign in one place with the whole team watching the same numbers";
    expect(titleOf(long)).toBe("Plan produce and prove every campaign in one place with the whole team watching…");
    expect(titleOf("   ")).toBe("Untitled");
  });
});
