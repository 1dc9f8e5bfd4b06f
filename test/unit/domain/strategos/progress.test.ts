import { describe, expect, it } from "vitest";
import { EXECUTION_STATUSES, PRIORITY_LEVELS, planProgress } from "../../../../shared/domain/strategos/index.ts";

describe("planProgress", () => {
  it("weights progress by estimate", () => {
    // (40·100 + 10·50 + 50·20) / 100 = (4000 + 500 + 1000)/100 = 55; the cancelled task is left out.
    const p = planProgress([
      { id: "a", estimateHours: 40, status: "completed" },
      { id: "b", estimateHours: 10, percentComplete: 50 },
      { id: "c", estimateHours: 50, percentComplete: 20, status: "in_progress" },
      { id: "d", estimateHours: 30, percentComplete: 90, status: "cancelled" },
    ]);
    expect(p.percent).toBeCloseTo(55, 12);
    expect(p.totalHours).toBe(100);
    expect(p.remainingHours).toBeCloseTo(45, 12);
    expect([p.completedTasks, p.countedTasks, p.cancelledTasks]).toEqual([1, 3, 1]);
  });

  it("falls back to the plain mean when every estimate is 0", () => {
    expect(
      planProgress([
        { id: "a", estimateHours: 0, percentComplete: 20 },
        { id: "b", estimateHours: 0, percentComplete: 60 },
      ]).percent,
    ).toBe(40);
  });

  it("rejects bad percentages and all-cancelled plans", () => {
    expect(() => planProgress([{ id: "a", estimateHours: 1, percentComplete: 120 }])).toThrow(
      "tasks[0].percentComplete: must be between 0 and 100, got 120",
    );
    expect(() => planProgress([{ id: "a", estimateHours: 1, status: "cancelled" }])).toThrow(
      "tasks: needs at least one task that is not cancelled",
    );
  });

  it("defines 9 execution statuses and 5 priority levels", () => {
    expect(EXECUTION_STATUSES).toHaveLength(9);
    expect(EXECUTION_STATUSES[0]).toBe("planned");
    expect(EXECUTION_STATUSES[8]).toBe("cancelled");
    expect(PRIORITY_LEVELS).toEqual(["critical", "high", "medium", "low", "deferred"]);
  });
});
