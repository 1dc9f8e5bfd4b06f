import { describe, expect, it } from "vitest";
import { forecast } from "../../../../shared/domain/seer/index.ts";

describe("exponential forecast", () => {
  it("recovers y = 2·1.5ᵗ exactly", () => {
    const f = forecast([2, 3, 4.5, 6.75, 10.125], { method: "exponential", horizon: 2 });
    if (f.model.method !== "exponential") throw new Error("wrong model");
    expect(f.model.scale).toBeCloseTo(2, 12);
    expect(f.model.growthRatePerPeriod).toBeCloseTo(0.5, 12);
    expect(f.model.logSlope).toBeCloseTo(Math.log(1.5), 12);
    expect(f.predictions[0]!.value).toBeCloseTo(15.1875, 10); // 2·1.5⁵
    expect(f.predictions[1]!.value).toBeCloseTo(22.78125, 10); // 2·1.5⁶
    // Multiplicative change across the window: 1.5⁴ − 1 = 4.0625.
    expect(f.trend.relativeChange).toBeCloseTo(4.0625, 10);
    expect(f.trend.direction).toBe("strongly_up");
  });

  it("fits the line through ln y and gives asymmetric intervals", () => {
    // ln y = 0, 1, 3, 3, 4 on t = 0…4: mean 2.2, Sty = 10, Stt = 10 → slope 1, intercept 0.2.
    const f = forecast([1, Math.E, Math.E ** 3, Math.E ** 3, Math.E ** 4], { method: "exponential", horizon: 1 });
    if (f.model.method !== "exponential") throw new Error("wrong model");
    expect(f.model.logSlope).toBeCloseTo(1, 12);
    expect(f.model.scale).toBeCloseTo(Math.exp(0.2), 12);
    const p = f.predictions[0]!;
    expect(p.value).toBeCloseTo(Math.exp(5.2), 9);
    // On the log scale the interval is symmetric: ln(upper) − ln(ŷ) = ln(ŷ) − ln(lower).
    expect(Math.log(p.upper) - Math.log(p.value)).toBeCloseTo(Math.log(p.value) - Math.log(p.lower), 12);
    expect(p.upper - p.value).toBeGreaterThan(p.value - p.lower);
  });

  it("rejects non-positive values and short series", () => {
    expect(() => forecast([1, 2, 0, 4], { method: "exponential", horizon: 1 })).toThrow(
      "series[2]: exponential forecasting needs positive values, got 0",
    );
    expect(() => forecast([1, 2], { method: "exponential", horizon: 1 })).toThrow(
      "series: exponential forecasting needs at least 3 points, got 2",
    );
  });
});
