import { describe, expect, it } from "vitest";
import { forecast } from "../../../../shared/domain/seer/index.ts";

describe("polynomial forecast", () => {
  it("matches the hand-solved normal equations for a quadratic", () => {
    // t = 0…4, y = 2,1,2,5,9. XᵀX = [[5,10,30],[10,30,100],[30,100,354]], Xᵀy = [19,56,198];
    // solution c = [134, −114, 60]/70 (check row 1: 5·134 − 10·114 + 30·60 = 1330 = 19·70).
    // Residuals 3/35, −5/35, −3/35, 9/35, −4/35 → SSE = 140/1225 = 4/35, s = √(2/35).
    // ŷ(5) = (134 − 570 + 1500)/70 = 15.2; x₀ᵀ(XᵀX)⁻¹x₀ = 4.6 for x₀ = (1, 5, 25);
    // half-width t(0.975, 2)·s·√5.6 = 4.302653·0.239046·2.366432 = 2.433948.
    const f = forecast([2, 1, 2, 5, 9], { method: "polynomial", degree: 2, horizon: 1 });
    if (f.model.method !== "polynomial") throw new Error("wrong model");
    [134 / 70, -114 / 70, 60 / 70].forEach((c, j) => {
      expect(f.model.method === "polynomial" && f.model.coefficients[j]).toBeCloseTo(c, 10);
    });
    expect(f.fit.residualStdError).toBeCloseTo(Math.sqrt(2 / 35), 10);
    expect(f.predictions[0]!.value).toBeCloseTo(15.2, 10);
    expect(f.predictions[0]!.upper - 15.2).toBeCloseTo(2.433947938, 7);
    // Change across the window ŷ(4) − ŷ(0) = (638 − 134)/70 = 7.2, over level mean|y| = 19/5: 7.2/3.8.
    expect(f.trend.relativeChange).toBeCloseTo(((134 - 456 + 960) / 70 - 134 / 70) / (19 / 5), 10);
    // Slope at the end: c₁ + 2·c₂·4 = (−114 + 480)/70 = 5.2286.
    expect(f.trend.slopePerPeriod).toBeCloseTo(366 / 70, 10);
  });

  it("recovers an exact cubic", () => {
    const y = Array.from({ length: 8 }, (_, t) => 4 - t + 0.5 * t ** 2 - 0.1 * t ** 3);
    const f = forecast(y, { method: "polynomial", degree: 3, horizon: 1 });
    if (f.model.method !== "polynomial") throw new Error("wrong model");
    [4, -1, 0.5, -0.1].forEach((c, j) => {
      expect(f.model.method === "polynomial" && f.model.coefficients[j]).toBeCloseTo(c, 9);
    });
    expect(f.predictions[0]!.value).toBeCloseTo(4 - 8 + 32 - 51.2, 8);
  });

  it("rejects degrees outside 1–5 and too-short series", () => {
    expect(() => forecast([1, 2, 3, 4], { method: "polynomial", degree: 3, horizon: 1 })).toThrow(
      "series: polynomial forecasting of degree 3 needs at least 5 points, got 4",
    );
    expect(() => forecast([1, 2, 3, 4, 5, 6, 7, 8], { method: "polynomial", degree: 6, horizon: 1 })).toThrow(
      "degree: must be an integer between 1 and 5",
    );
  });
});
