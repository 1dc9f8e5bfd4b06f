import { describe, expect, it } from "vitest";
import { assessSeverity } from "../../../../shared/domain/arbiter/index.ts";

describe("assessSeverity", () => {
  const now = "2025-03-01T00:00:00.000Z";
  const hoursLater = (h: number) => new Date(Date.parse(now) + h * 3_600_000).toISOString();

  it("combines stakes, parties and deadline proximity", () => {
    // stakes: log₁₀(1000)/log₁₀(10000) = 3/4 = 0.75 (ceiling 9 999); parties (4 − 2)/8 = 0.25;
    // urgency at 180h: 1 − (180 − 24)/(336 − 24) = 0.5. Score = 100·(0.375 + 0.05 + 0.15) = 57.5 → high.
    const s = assessSeverity(
      { type: "resource_allocation", stakes: 999, parties: ["a", "b", "c", "d"], deadline: hoursLater(180) },
      now,
      { stakesCeiling: 9_999 },
    );
    expect(s.factors.stakes).toBeCloseTo(0.75, 12);
    expect(s.factors.parties).toBe(0.25);
    expect(s.factors.urgency).toBeCloseTo(0.5, 12);
    expect(s.score).toBeCloseTo(57.5, 10);
    expect(s.severity).toBe("high");
    expect(s.hoursToDeadline).toBe(180);
  });

  it("treats overdue as fully urgent and no deadline as not urgent", () => {
    const overdue = assessSeverity(
      { type: "priority_dispute", stakes: 0, parties: ["a", "b"], deadline: hoursLater(-5) },
      now,
    );
    expect(overdue.factors.urgency).toBe(1);
    expect(overdue.score).toBeCloseTo(30, 12); // 100·0.3
    expect(overdue.severity).toBe("medium");
    const none = assessSeverity({ type: "goal_conflict", stakes: 0, parties: ["a", "b"] }, now);
    expect(none).toMatchObject({ score: 0, severity: "low", hoursToDeadline: null });
  });

  it("caps every factor at 1, so the maximum is critical 100", () => {
    const s = assessSeverity(
      {
        type: "decision_challenge",
        stakes: 1e9,
        parties: Array.from({ length: 12 }, (_, i) => `p${i}`),
        deadline: now,
      },
      now,
    );
    expect(s.score).toBe(100);
    expect(s.severity).toBe("critical");
  });

  it("rejects fewer than two parties and unknown types", () => {
    expect(() => assessSeverity({ type: "goal_conflict", stakes: 1, parties: ["solo"] }, now)).toThrow(
      "parties: a conflict needs at least 2 parties, got 1",
    );
    expect(() => assessSeverity({ type: "feud" as never, stakes: 1, parties: ["a", "b"] }, now)).toThrow(
      "type: must be one of",
    );
  });
});
