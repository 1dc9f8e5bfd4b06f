import { describe, expect, it } from "vitest";
import { fitHoltWintersGrid, runHoltWinters } from "../../../../shared/domain/seer/holt-winters.ts";
import { forecast } from "../../../../shared/domain/seer/index.ts";

function expectClose(actual: readonly number[], expected: readonly number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i]!, 10);
  });
}

describe("seasonal forecast (additive Holt–Winters)", () => {
  it("continues an exact trend + season series", () => {
    // y_t = 10 + 2t + S[t mod 4], S = 3, −1, −3, 1. Seeding: b₀ = (mean 21 − mean 13)/4 = 2, level 13 + 2·1.5 = 16,
    // seasonals exactly S, so every one-step error is 0 for any α, β, γ and the grid keeps its first point.
    const S = [3, -1, -3, 1];
    const y = Array.from({ length: 12 }, (_, t) => 10 + 2 * t + S[t % 4]!);
    const f = forecast(y, { method: "seasonal", period: 4, horizon: 4 });
    expectClose(
      f.predictions.map((p) => p.value),
      [37, 35, 35, 41],
    ); // t = 12…15
    if (f.model.method !== "seasonal") throw new Error("wrong model");
    expect([f.model.alpha, f.model.beta, f.model.gamma]).toEqual([0.1, 0.1, 0.1]);
    expect(f.model.fittedByGridSearch).toBe(true);
    expect(f.model.sse).toBeCloseTo(0, 20);
    expectClose(f.model.seasonals, S);
    expect(f.trend.direction).toBe("strongly_up");
  });

  it("matches a hand-run update with α = β = γ = 0.5", () => {
    // m = 2, y = 1, 3, 3, 5, 6. Seed: means 2 and 4 → b = 1; s = (1 − 1.5, 3 − 2.5) = (−0.5, 0.5); ℓ = 2.5 at t = 1.
    // t = 2: ŷ = 2.5 + 1 − 0.5 = 3 (e = 0); ℓ = ½(3.5) + ½(3.5) = 3.5; s₀ = ½(3 − 3.5) + ½(−0.5) = −0.5; b = 1.
    // t = 3: ŷ = 3.5 + 1 + 0.5 = 5 (e = 0); ℓ = 4.5; s₁ = 0.5; b = 1.
    // t = 4: ŷ = 4.5 + 1 − 0.5 = 5, e = 1; ℓ = ½(6.5) + ½(5.5) = 6; s₀ = ½(6 − 5.5) + ½(−0.5) = 0; b = ½(1.5) + ½ = 1.25.
    // Forecasts: h = 1 (phase 1): 6 + 1.25 + 0.5 = 7.75; h = 2 (phase 0): 6 + 2.5 = 8.5; h = 3: 6 + 3.75 + 0.5 = 10.25.
    // σ² = SSE/(n − m) = 1/3. Variance factors: h = 1 → 1; h = 2 → 1 + (0.5 + 0.25)² = 1.5625;
    // h = 3 → 1.5625 + (0.5 + 0.25·2 + 0.5)² = 3.8125. 95% half-widths 1.959964·√(factor/3): 1.131586, 1.414482, 2.209.
    const f = forecast([1, 3, 3, 5, 6], {
      method: "seasonal",
      period: 2,
      horizon: 3,
      alpha: 0.5,
      beta: 0.5,
      gamma: 0.5,
    });
    if (f.model.method !== "seasonal") throw new Error("wrong model");
    expect(f.model.level).toBeCloseTo(6, 12);
    expect(f.model.trend).toBeCloseTo(1.25, 12);
    expect(f.model.seasonals).toEqual([0, 0.5]);
    expect(f.model.fittedByGridSearch).toBe(false);
    expect(f.fitted).toEqual([1, 3, 3, 5, 5]);
    expect(f.predictions.map((p) => p.value)).toEqual([7.75, 8.5, 10.25]);
    const halves = f.predictions.map((p) => p.upper - p.value);
    expect(halves[0]).toBeCloseTo(1.959963985 * Math.sqrt(1 / 3), 8);
    expect(halves[1]).toBeCloseTo(1.959963985 * Math.sqrt(1.5625 / 3), 8);
    expect(halves[2]).toBeCloseTo(1.959963985 * Math.sqrt(3.8125 / 3), 8);
    expect(f.fit.residualStdError).toBeCloseTo(Math.sqrt(1 / 3), 12);
  });

  it("grid search is never beaten by any other grid point", () => {
    const y = [12, 8, 15, 20, 14, 9, 18, 22, 15, 11, 19, 25, 17, 12, 21, 27];
    const best = fitHoltWintersGrid(y, 4);
    for (const params of [
      { alpha: 0.5, beta: 0.5, gamma: 0.5 },
      { alpha: 0.9, beta: 0.1, gamma: 0.1 },
      { alpha: 0.1, beta: 0.9, gamma: 0.9 },
    ]) {
      expect(best.run.sse).toBeLessThanOrEqual(runHoltWinters(y, 4, params).sse);
    }
  });

  it("rejects series shorter than two periods and partial parameters", () => {
    expect(() => forecast([1, 2, 3, 4, 5, 6, 7], { method: "seasonal", period: 4, horizon: 1 })).toThrow(
      "series: seasonal forecasting with period 4 needs at least 8 points, got 7",
    );
    expect(() => forecast([1, 2, 3, 4, 5, 6, 7, 8], { method: "seasonal", period: 4, horizon: 1, alpha: 0.3 })).toThrow(
      "alpha: give all of alpha, beta and gamma, or none",
    );
    expect(() => forecast([1, 2, 3, 4], { method: "seasonal", period: 1, horizon: 1 })).toThrow("period");
  });
});
