import { describe, expect, it } from "vitest";
import { taskReferenceIssues } from "../../../../durable-objects/lords/strategos/plan-checks.ts";
import { reportedTaskStatus, rollUpPlanStatus } from "../../../../durable-objects/lords/strategos/plan-status.ts";
import { planTimeline, remainingHours, taskLabels } from "../../../../durable-objects/lords/strategos/schedule.ts";
import { utilizationReport } from "../../../../durable-objects/lords/strategos/utilization.ts";

describe("remaining work and the re-planned critical path", () => {
  it("counts the unfinished share of each estimate and drops completed and cancelled tasks", () => {
    expect(remainingHours({ id: "a", estimatedHours: 16, progressPercent: 25, status: "in_progress" })).toBe(12);
    expect(remainingHours({ id: "a", estimatedHours: 16, progressPercent: 25, status: "completed" })).toBe(0);
    expect(remainingHours({ id: "a", estimatedHours: null, progressPercent: 0, status: "planned" })).toBe(0);

    // z (done) → a (10h, 40% done → 6h) → b (5h) and c (cancelled, 20h) → d (3h). Without z and c:
    // a 0–6, b 6–11, d 11–14; the edges z → a and c → d are gone, so d waits only for b.
    const { cpm, suggestions } = planTimeline(
      [
        { id: "z", estimatedHours: 7, progressPercent: 100, status: "completed" },
        { id: "a", estimatedHours: 10, progressPercent: 40, status: "in_progress" },
        { id: "b", estimatedHours: 5, progressPercent: 0, status: "planned" },
        { id: "c", estimatedHours: 20, progressPercent: 0, status: "cancelled" },
        { id: "d", estimatedHours: 3, progressPercent: 0, status: "planned" },
      ],
      [
        { taskId: "a", dependsOnId: "z" },
        { taskId: "b", dependsOnId: "a" },
        { taskId: "c", dependsOnId: "a" },
        { taskId: "d", dependsOnId: "b" },
        { taskId: "d", dependsOnId: "c" },
      ],
    );
    expect(cpm.duration).toBe(14);
    expect(cpm.criticalPath).toEqual(["a", "b", "d"]);
    expect(cpm.tasks.map((t) => t.id)).toEqual(["a", "b", "d"]);
    // A single chain: removing any task leaves the other two, so each saves its whole duration.
    expect(suggestions.map((s) => [s.taskId, s.hours])).toEqual([
      ["a", 6],
      ["b", 5],
      ["d", 3],
    ]);
  });

  it("names tasks by name, adding the id's start when two share a name", () => {
    const labels = taskLabels([
      { id: "11111111-aaaa", name: "Copy" },
      { id: "22222222-bbbb", name: "Copy" },
      { id: "33333333-cccc", name: "Launch" },
    ]);
    expect([...labels.values()]).toEqual(["Copy [11111111]", "Copy [22222222]", "Launch"]);
  });
});

describe("task reference checks", () => {
  it("names duplicate keys, unknown and self dependencies, and deadlines after the plan's", () => {
    expect(
      taskReferenceIssues(
        [
          { key: "a", depends_on: ["a"] },
          { key: "a" },
          { key: "b", depends_on: ["x"], deadline: "2027-02-01T00:00:00Z" },
          { key: "c", depends_on: ["b"], deadline: "2027-01-01T00:00:00Z" },
        ],
        "2027-01-15T00:00:00Z",
      ),
    ).toEqual([
      { field: "tasks.0.depends_on", message: 'task "a" cannot depend on itself' },
      { field: "tasks.1.key", message: 'key "a" is already used by an earlier task' },
      { field: "tasks.2.depends_on", message: 'depends on unknown task "x"' },
      { field: "tasks.2.deadline", message: "must not be after the plan's deadline" },
    ]);
  });
});

describe("plan and task statuses", () => {
  it("rolls a plan's status up from its tasks", () => {
    expect(rollUpPlanStatus("planned", ["planned", "in_progress"])).toBe("in_progress");
    expect(rollUpPlanStatus("scheduled", ["completed", "cancelled"])).toBe("completed");
    expect(rollUpPlanStatus("in_progress", ["cancelled", "cancelled"])).toBe("cancelled");
    expect(rollUpPlanStatus("paused", ["in_progress", "planned"])).toBe("paused");
    expect(rollUpPlanStatus("planned", ["planned", "scheduled"])).toBe("planned");
  });

  it("derives a task's status from a progress report", () => {
    expect(reportedTaskStatus("scheduled", 100, undefined)).toBe("completed");
    expect(reportedTaskStatus("planned", 5, undefined)).toBe("in_progress");
    expect(reportedTaskStatus("blocked", 30, undefined)).toBe("blocked");
    expect(reportedTaskStatus("in_progress", 30, "blocked")).toBe("blocked");
    expect(reportedTaskStatus("planned", 0, undefined)).toBe("planned");
  });
});

describe("utilization report", () => {
  it("sums grants and holdings per type and guild, flagging over-allocation", () => {
    const [budget, time] = utilizationReport(
      [
        { resourceType: "budget", guild: "muse", quantity: 1000, unit: "USD" },
        { resourceType: "budget", guild: "matrix", quantity: 500, unit: "USD" },
        { resourceType: "time", guild: "muse", quantity: 10, unit: "hours" },
      ],
      [
        { resourceType: "budget", guild: "muse", quantity: 1200, utilized: 300 },
        { resourceType: "budget", guild: null, quantity: 200, utilized: 0 },
        { resourceType: "time", guild: "muse", quantity: 4, utilized: 1 },
      ],
    );
    // Budget: 1400 of 1500 allocated (93.3%), 300 of 1400 in use (21.4%); muse is 200 over its grant.
    expect(budget).toMatchObject({
      resource_type: "budget",
      units: ["USD"],
      capacity: 1500,
      allocated: 1400,
      utilized: 300,
      available: 100,
      over_allocated: false,
      shortfall: 0,
    });
    expect(budget?.allocation_rate).toBeCloseTo(1400 / 1500, 12);
    expect(budget?.utilization_rate).toBeCloseTo(300 / 1400, 12);
    expect(budget?.guilds).toEqual([
      expect.objectContaining({
        guild: "matrix",
        capacity: 500,
        allocated: 0,
        allocation_rate: 0,
        utilization_rate: null,
      }),
      expect.objectContaining({
        guild: "muse",
        capacity: 1000,
        allocated: 1200,
        available: -200,
        over_allocated: true,
        shortfall: 200,
      }),
      expect.objectContaining({
        guild: null,
        capacity: 0,
        allocated: 200,
        allocation_rate: null,
        over_allocated: true,
      }),
    ]);
    expect(time).toMatchObject({ capacity: 10, allocated: 4, allocation_rate: 0.4, utilization_rate: 0.25 });
  });
});
