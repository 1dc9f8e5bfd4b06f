import { describe, expect, it } from "vitest";
import { analyzeConflict } from "../../../../durable-objects/lords/arbiter/analysis.ts";
import { favouredParty, meanSatisfaction, priorityWeight } from "../../../../durable-objects/lords/arbiter/outcomes.ts";
import { reviewPoints } from "../../../../durable-objects/lords/arbiter/review.ts";

const NOW = "2027-01-10T00:00:00Z";
const BASE = {
  type: "resource_allocation" as const,
  parties: ["A", "B"],
  goals: ["g1", "g2", "g3", "g4"],
  stakes: 1000,
  deadline: null,
  resource: {
    unit: "USD",
    resourceType: "budget",
    capacity: 400,
    claims: [
      { party: "A", demand: 300 },
      { party: "B", demand: 200 },
    ],
  },
  plan: null,
};

describe("conflict analysis", () => {
  it("ranks scarcity, competing goals and what drives severity", () => {
    const { severity, rootCauses, impact } = analyzeConflict(BASE, NOW);
    // Stakes: log10(1001)/log10(100001) = 0.600086 → 30.0043 points, the whole score.
    expect(severity.score).toBeCloseTo(30.0043, 4);
    expect(rootCauses.map((c) => [c.factor, c.weight])).toEqual([
      ["stakes", 1],
      ["goals", 0.5], // 4 goals for 2 parties: 2 of 4 beyond one each
      ["scarcity", 0.2], // 500 claimed, 400 available: 100 of 500 unmet
    ]);
    expect(rootCauses[0]?.statement).toBe("1000 at stake accounts for 100% of the severity score.");
    expect(impact.resource).toEqual({
      resource_type: "budget",
      unit: "USD",
      total_demand: 500,
      capacity: 400,
      shortfall: 100,
      coverage: 0.8,
    });
  });

  it("splits severity between stakes and a deadline two days out", () => {
    // Urgency 48h out: 1 − (48 − 24)/(336 − 24) = 0.923077 → 27.6923 points; total 57.6966 (high).
    const { severity, rootCauses } = analyzeConflict(
      { ...BASE, goals: [], resource: null, deadline: "2027-01-12T00:00:00Z" },
      NOW,
    );
    expect(severity.severity).toBe("high");
    expect(severity.score).toBeCloseTo(57.6966, 4);
    expect(rootCauses.map((c) => c.factor)).toEqual(["stakes", "urgency"]);
    expect(rootCauses[0]?.weight).toBeCloseTo(30.0043 / 57.6966, 4);
    expect(rootCauses[1]?.weight).toBeCloseTo(27.6923 / 57.6966, 4);
    expect(rootCauses[1]?.statement).toBe("The deadline is 48 hours away, 48% of the severity score.");
  });

  it("finds no scarcity when the claims fit", () => {
    const { rootCauses } = analyzeConflict({ ...BASE, resource: { ...BASE.resource, capacity: 600 } }, NOW);
    expect(rootCauses.map((c) => c.factor)).not.toContain("scarcity");
  });
});

describe("party outcomes", () => {
  it("weights priorities 5 to 1, favours a strictly most satisfied party, averages satisfaction", () => {
    expect(["critical", "high", "medium", "low", "deferred"].map((p) => priorityWeight(p as never))).toEqual([
      5, 4, 3, 2, 1,
    ]);
    expect(
      favouredParty([
        { party: "A", satisfaction: 0.5 },
        { party: "B", satisfaction: 0.9 },
      ]),
    ).toBe("B");
    expect(
      favouredParty([
        { party: "A", satisfaction: 1 },
        { party: "B", satisfaction: 1 },
      ]),
    ).toBeNull();
    expect(
      meanSatisfaction([
        { party: "A", satisfaction: 0.25 },
        { party: "B", satisfaction: 0.75 },
      ]),
    ).toBe(0.5);
  });
});

describe("appeal review points", () => {
  it("compares the appellant with the others, flags unequal satisfaction and the favoured party", () => {
    expect(
      reviewPoints({
        outcomes: [
          { party: "A", satisfaction: 0.5 },
          { party: "B", satisfaction: 1 },
        ],
        party: "A",
        winner: "B",
        fairness: 0.9,
        remainingMs: 30.5 * 3_600_000,
      }),
    ).toEqual([
      "A was 50% satisfied against a mean of 75% (the least satisfied of 2).",
      "Satisfaction was unequal across the parties (Jain's index 0.900): check that the weights and caps justify it.",
      "The ruling favoured B.",
      "Filed with 30 hours of the 14-day appeal window left.",
    ]);
  });
});
