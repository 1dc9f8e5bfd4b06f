import { describe, expect, it } from "vitest";
import { assignTask } from "../../../../shared/domain/strategos/index.ts";

describe("assignTask", () => {
  const task = { id: "t1", requiredCapabilities: ["Copywriting", "seo"], estimateHours: 10 };

  it("scores capability match and spare capacity", () => {
    // X: match 1, u = (20 + 10)/40 = 0.75 → 0.7 + 0.3·0.25 = 0.775.
    // Y: match 0.5, u = 10/40 = 0.25 → 0.35 + 0.3·0.75 = 0.575.
    // Z: u = 45/40 > 1 → ineligible.
    const a = assignTask(task, [
      { id: "Y", capabilities: ["copywriting"], currentLoadHours: 0, capacityHours: 40 },
      { id: "Z", capabilities: ["copywriting", "seo", "design"], currentLoadHours: 35, capacityHours: 40 },
      { id: "X", capabilities: ["copywriting", "SEO"], currentLoadHours: 20, capacityHours: 40 },
    ]);
    expect(a.assigneeId).toBe("X");
    expect(a.ranking.map((r) => r.id)).toEqual(["X", "Y", "Z"]);
    expect(a.ranking[0]!.score).toBeCloseTo(0.775, 12);
    expect(a.ranking[1]!.score).toBeCloseTo(0.575, 12);
    expect(a.ranking[1]!.reason).toBe("missing seo");
    expect(a.ranking[2]).toMatchObject({ eligible: false, reason: "would be at 113% of capacity" });
  });

  it("breaks score ties by lower utilisation, then input order", () => {
    const same = { capabilities: ["copywriting", "seo"], currentLoadHours: 10, capacityHours: 40 };
    const a = assignTask(task, [
      { id: "first", ...same },
      { id: "second", ...same },
    ]);
    expect(a.assigneeId).toBe("first");
  });

  it("returns no assignee when nobody qualifies", () => {
    const a = assignTask(task, [{ id: "D", capabilities: ["design"], currentLoadHours: 0, capacityHours: 40 }]);
    expect(a.assigneeId).toBeNull();
    expect(a.ranking[0]!.reason).toBe("has none of the required capabilities");
    expect(() => assignTask(task, [])).toThrow("candidates: needs at least one candidate");
  });
});
