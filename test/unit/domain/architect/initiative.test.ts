import { describe, expect, it } from "vitest";
import { designInitiative } from "../../../../shared/domain/architect/index.ts";

describe("designInitiative", () => {
  const objectives = [
    { id: "A", title: "Landing pages", effortPersonDays: 6, skills: ["copy", "design"] },
    { id: "B", title: "SEO audit", effortPersonDays: 3, skills: ["seo"] },
  ];

  it("schedules phases on working days from effort and team size", () => {
    // Delivery 9 pd; planning 15% = 1.35 pd → ⌈1.35/2⌉ = 1 day; A ⌈6/2⌉ = 3; B ⌈3/2⌉ = 2; review 0.9 pd → 1 day.
    // Start Sat 1 Mar 2025 → Mon 3 Mar. Planning Mon 3; A Tue 4 – Thu 6; B Fri 7 – Mon 10; review Tue 11.
    const d = designInitiative(objectives, { startDate: "2025-03-01", teamSize: 2, dailyRate: 500 });
    expect(d.phases.map((p) => [p.name, p.workingDays, p.startDate, p.endDate])).toEqual([
      ["Discovery and planning", 1, "2025-03-03", "2025-03-03"],
      ["Delivery: Landing pages", 3, "2025-03-04", "2025-03-06"],
      ["Delivery: SEO audit", 2, "2025-03-07", "2025-03-10"],
      ["Review and handover", 1, "2025-03-11", "2025-03-11"],
    ]);
    expect(d.timeline).toEqual({ startDate: "2025-03-03", endDate: "2025-03-11", workingDays: 7, calendarDays: 9 });
    // 9 + 1.35 + 0.9 = 11.25 pd at 500 = 5625.
    expect(d.resources.totalPersonDays).toBeCloseTo(11.25, 12);
    expect(d.resources.overheadPersonDays).toBeCloseTo(2.25, 12);
    expect(d.resources.estimatedCost).toBeCloseTo(5625, 9);
    expect(d.resources.bySkill).toEqual({ copy: 3, design: 3, seo: 3 });
    expect(d.status).toBe("proposed");
    expect(d.feasible).toBe(true);
  });

  it("reports budget and deadline problems as issues", () => {
    const d = designInitiative(objectives, {
      startDate: "2025-03-03",
      teamSize: 2,
      dailyRate: 500,
      budget: 5000,
      deadline: "2025-03-10",
    });
    expect(d.issues).toEqual([
      "estimated cost 5625 exceeds the budget 5000 by 625",
      "ends 2025-03-11, 1 day after the deadline 2025-03-10",
    ]);
    expect(d.feasible).toBe(false);
  });

  it("rejects bad dates, duplicate ids and empty objectives", () => {
    expect(() => designInitiative(objectives, { startDate: "2025-02-30", teamSize: 2 })).toThrow(
      "constraints.startDate: must be a calendar date YYYY-MM-DD, got 2025-02-30",
    );
    expect(() => designInitiative([objectives[0]!, objectives[0]!], { startDate: "2025-03-03", teamSize: 1 })).toThrow(
      'objectives: duplicate id "A"',
    );
    expect(() => designInitiative([], { startDate: "2025-03-03", teamSize: 1 })).toThrow(
      "objectives: needs at least one",
    );
  });
});
