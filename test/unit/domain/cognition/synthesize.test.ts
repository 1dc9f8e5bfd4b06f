import { describe, expect, it } from "vitest";
import { type Learning, synthesizeLearnings } from "../../../../shared/domain/cognition/index.ts";

const learning = (
  id: string,
  type: Learning["type"],
  insight: string,
  tags: string[],
  confidence: number,
  recordedAt?: string,
): Learning => ({
  id,
  type,
  insight,
  tags,
  confidence,
  ...(recordedAt && { recordedAt }),
});

describe("synthesizeLearnings", () => {
  const learnings = [
    learning("L1", "success", "Short subject lines raise email open rates", ["email", "subject-lines"], 0.9),
    learning("L2", "success", "Email open rates rise with short subject lines", ["email"], 0.8),
    learning(
      "L3",
      "success",
      "Personalised subject lines raised open rates in the spring email",
      ["email", "personalisation"],
      0.7,
    ),
    learning("L4", "pattern", "Competitor webinars cluster on Tuesdays", ["webinar", "competitor"], 0.6),
    learning("L5", "pattern", "Webinars by competitors are mostly held on Tuesday", ["webinars"], 0.5),
    learning("L6", "failure", "TikTok ads underperformed for a B2B audience", ["tiktok"], 0.9),
  ];

  it("groups by shared tags and scores confidence from support, agreement and recorded confidence", () => {
    // Tag Jaccard: L1–L2 {email, subject-line} vs {email} = 1/2; L1–L3 = 1/3 ≥ 0.3 → {L1, L2, L3}.
    // L4–L5 share "webinar" of {webinar, competitor} = 1/2 → {L4, L5}. L6 stands alone (below minSupport 2).
    const r = synthesizeLearnings(learnings);
    expect(r.syntheses.map((s) => s.learningIds)).toEqual([
      ["L1", "L2", "L3"],
      ["L4", "L5"],
    ]);
    expect(r.unsynthesized).toEqual(["L6"]);
    // Group 1: 3 successes → agreement 1, mean confidence 0.8, support 3/(3 + 2) = 0.6 → 0.48; a recommendation.
    const [emails, webinars] = r.syntheses;
    expect(emails).toMatchObject({
      id: "synthesis:L1",
      type: "recommendation",
      successes: 3,
      failures: 0,
      agreement: 1,
    });
    expect(emails!.confidence).toBeCloseTo(0.48, 12);
    // Theme: subject, lines, open, rates and email each appear in all three; alphabetical ties → email, lines, open.
    expect(emails!.theme).toEqual(["email", "lines", "open"]);
    expect(emails!.statement).toBe("Repeat what worked for email, lines, open: 3 of 3 outcomes succeeded.");
    // Group 2: no outcomes → pattern; 2/4 · 1 · 0.55 = 0.275.
    expect(webinars!.type).toBe("pattern");
    expect(webinars!.confidence).toBeCloseTo(0.275, 12);
  });

  it("detects a trend when outcomes flip over time", () => {
    // Dated failures then successes: success share 0 in the earlier half, 1 in the later → trend (improving).
    // Agreement 2/4 = 0.5; confidence = 4/6 · 0.5 · 0.8 = 0.26667.
    const r = synthesizeLearnings([
      learning("T3", "success", "TikTok ads converted after creative refresh", ["tiktok"], 0.8, "2025-02-01"),
      learning("T1", "failure", "TikTok ads did not convert", ["tiktok"], 0.8, "2025-01-01"),
      learning("T4", "success", "TikTok ads converted well", ["tiktok"], 0.8, "2025-02-15"),
      learning("T2", "failure", "TikTok ads had low conversion", ["tiktok"], 0.8, "2025-01-15"),
    ]);
    const [s] = r.syntheses;
    expect(s!.type).toBe("trend");
    expect(s!.statement).toMatch(/are improving: success share 0% → 100%\.$/);
    expect(s!.confidence).toBeCloseTo((4 / 6) * 0.5 * 0.8, 12);
  });

  it("predicts a success rate when outcomes are mixed", () => {
    // 3 successes, 2 failures: agreement 0.6 < 0.75 → prediction at (3 + 1)/(5 + 2) = 57%.
    const mixed = ["success", "failure", "success", "failure", "success"].map((t, i) =>
      learning(`M${i}`, t as Learning["type"], "Referral campaign results", ["referral"], 1),
    );
    const [s] = synthesizeLearnings(mixed).syntheses;
    expect(s!.type).toBe("prediction");
    expect(s!.statement).toBe("Expect about 57% success for campaign, referral, results (3 of 5 succeeded).");
  });

  it("rejects duplicate ids and out-of-range confidence", () => {
    expect(() => synthesizeLearnings([learnings[0]!, learnings[0]!])).toThrow('learnings: duplicate id "L1"');
    expect(() => synthesizeLearnings([{ ...learnings[0]!, confidence: 2 }])).toThrow(
      "learnings[0].confidence: must be between 0 and 1, got 2",
    );
  });
});
