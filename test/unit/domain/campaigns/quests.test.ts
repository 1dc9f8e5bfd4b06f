import { describe, expect, it } from "vitest";
import { questProgress } from "../../../../shared/domain/campaigns/index.ts";

describe("questProgress", () => {
  it("is zero for a quest without metrics", () => {
    expect(questProgress([])).toEqual({ progress: 0, metricsMet: 0, metricsTotal: 0 });
  });

  it("averages each metric's share of its target", () => {
    const result = questProgress([
      { metric: "signups", target: 300, current: 150 },
      { metric: "demos", target: 20, current: 5 },
    ]);
    expect(result).toEqual({ progress: 0.375, metricsMet: 0, metricsTotal: 2 });
  });

  it("caps an overshooting metric so it cannot hide one that has not moved", () => {
    const result = questProgress([
      { metric: "signups", target: 100, current: 1000 },
      { metric: "demos", target: 10, current: 0 },
    ]);
    expect(result).toEqual({ progress: 0.5, metricsMet: 1, metricsTotal: 2 });
  });

  it("counts a zero target as met and rounds to four places", () => {
    expect(questProgress([{ metric: "incidents", target: 0, current: 0 }]).metricsMet).toBe(1);
    expect(questProgress([{ metric: "a", target: 3, current: 1 }]).progress).toBe(0.3333);
  });
});
