import { describe, expect, it } from "vitest";
import { recommendationPriority } from "../../../../shared/domain/seer/index.ts";

describe("recommendationPriority", () => {
  it("maps impact × probability ÷ effort onto the five levels", () => {
    expect(recommendationPriority(10, 0.9, 1)).toEqual({ value: 9, priority: "critical" }); // 9 ≥ 4
    expect(recommendationPriority(8, 0.5, 2)).toEqual({ value: 2, priority: "high" }); // exactly 2
    expect(recommendationPriority(6, 0.5, 2)).toEqual({ value: 1.5, priority: "medium" });
    expect(recommendationPriority(3, 0.5, 3)).toEqual({ value: 0.5, priority: "low" });
    expect(recommendationPriority(2, 0.2, 8).priority).toBe("deferred"); // 0.05
  });

  it("rejects values outside the scales", () => {
    expect(() => recommendationPriority(5, 1.5, 2)).toThrow("probability: must be between 0 and 1, got 1.5");
    expect(() => recommendationPriority(5, 0.5, 0)).toThrow("effort: must be between 1 and 10, got 0");
  });
});
