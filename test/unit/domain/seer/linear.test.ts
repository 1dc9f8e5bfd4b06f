import { describe, expect, it } from "vitest";
import { forecast } from "../../../../shared/domain/seer/index.ts";

describe("linear forecast", () => {
  it("extends an exact line with zero-width intervals", () => {
    const f = forecast([3, 5, 7, 9, 11], { method: "linear", horizon: 2 });
    expect(f.model).toEqual({ method: "linear", intercept: 3, slope: 2 });
    expect(f.predictions.map((p) => [p.t, p.value])).toEqual([
      [5, 13],
      [6, 15],
    ]);
    expect(f.predictions[0]!.upper - f.predictions[0]!.lower).toBeCloseTo(0, 12);
    expect(f.fit.rSquared).toBe(1);
    expect(f.confidence).toBe("very_high");
    // Change over the window 2·4 = 8 against level mean|y| = 7: 114% → strongly up.
    expect(f.trend.direction).toBe("strongly_up");
    expect(f.currentValue).toBe(11);
  });

  it("matches hand-computed prediction intervals that widen with the horizon", () => {
    // t = 0…4, y = 2,4,5,4,5: t̄ = 2, Stt = 10, slope 0.6, intercept 2.8, s = √0.8.
    // t₀ = 5: ŷ = 5.8, half-width t(0.975, 3)·s·√(1 + 1/5 + 9/10) = 3.182446·0.894427·1.449138 = 4.124922.
    // t₀ = 6: ŷ = 6.4, half-width 3.182446·0.894427·√(1 + 0.2 + 1.6) = 4.763049.
    const f = forecast([2, 4, 5, 4, 5], { method: "linear", horizon: 2 });
    const [p1, p2] = f.predictions;
    expect(p1!.value).toBeCloseTo(5.8, 12);
    expect(p1!.upper - p1!.value).toBeCloseTo(4.124921858, 8);
    expect(p2!.value).toBeCloseTo(6.4, 12);
    expect(p2!.value - p2!.lower).toBeCloseTo(4.76304949, 8);
    // p = 0.124 > 0.05: not a trend.
    expect(f.trend.significant).toBe(false);
    expect(f.trend.direction).toBe("stable");
    // Spread √0.8 / 4 = 22% → "low"; R² 0.6 alone would allow "medium"; the worse wins.
    expect(f.fit.relativeSpread).toBeCloseTo(Math.sqrt(0.8) / 4, 12);
    expect(f.confidence).toBe("low");
  });

  it("calls a significant, large rise strongly up", () => {
    // Slope 32/21 = 1.5238 (p = 3.6e-8); change 1.5238·7 / mean 15.5 = 0.688 ≥ 0.25.
    const f = forecast([10, 12, 13, 15, 16, 18, 19, 21], { method: "linear", horizon: 1 });
    expect(f.trend.slopePerPeriod).toBeCloseTo(32 / 21, 12);
    expect(f.trend.pValue).toBeCloseTo(3.5917562e-8, 14);
    expect(f.trend.relativeChange).toBeCloseTo(0.688172043, 8);
    expect(f.trend.direction).toBe("strongly_up");
  });

  it("rejects short series naming the minimum, and bad options", () => {
    expect(() => forecast([1, 2], { method: "linear", horizon: 1 })).toThrow(
      "series: linear forecasting needs at least 3 points, got 2",
    );
    expect(() => forecast([1, 2, 3], { method: "linear", horizon: 0 })).toThrow("horizon: must be an integer");
    expect(() => forecast([1, 2, 3], { method: "linear", horizon: 1, intervalLevel: 1 })).toThrow("intervalLevel");
    expect(() => forecast([1, 2, 3], { method: "quadratic", horizon: 1 } as never)).toThrow("method: must be one of");
  });
});
