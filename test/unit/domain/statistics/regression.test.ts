import { describe, expect, it } from "vitest";
import { linearRegression, regressOnIndex } from "../../../../shared/domain/statistics/index.ts";

describe("linearRegression", () => {
  it("matches a hand-computed fit", () => {
    // x̄ = 3, ȳ = 4, Sxx = 10, Sxy = 6 → slope 0.6, intercept 2.2.
    // Residuals −0.8, 0.6, 1.0, −0.6, −0.2 → SSE 2.4; Syy = 6 → R² = 0.6.
    // s = √(2.4/3) = √0.8; SE(slope) = √0.8/√10 = 0.2828427; t = 0.6/0.2828427 = 2.1213203.
    // p (two-sided, 3 df) = 0.1240271 (scipy.stats.t.sf(2.12132, 3)·2).
    const fit = linearRegression([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(fit.slope).toBeCloseTo(0.6, 12);
    expect(fit.intercept).toBeCloseTo(2.2, 12);
    expect(fit.rSquared).toBeCloseTo(0.6, 12);
    expect(fit.residualStdError).toBeCloseTo(Math.sqrt(0.8), 12);
    expect(fit.slopeStdError).toBeCloseTo(0.2828427125, 9);
    expect(fit.tStatistic).toBeCloseTo(2.1213203436, 9);
    expect(fit.pValue).toBeCloseTo(0.1240270627, 8);
    expect(fit.degreesOfFreedom).toBe(3);
  });

  it("reports an exact fit as infinitely significant", () => {
    const fit = regressOnIndex([1, 3, 5, 7]);
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.rSquared).toBe(1);
    expect(fit.tStatistic).toBe(Number.POSITIVE_INFINITY);
    expect(fit.pValue).toBe(0);
  });

  it("treats a constant series as a perfect flat fit", () => {
    const fit = regressOnIndex([4, 4, 4]);
    expect(fit.slope).toBe(0);
    expect(fit.tStatistic).toBe(0);
    expect(fit.pValue).toBe(1);
    expect(fit.rSquared).toBe(1);
  });

  it("rejects too few points, mismatched lengths and constant x", () => {
    expect(() => regressOnIndex([1, 2])).toThrow("series: a linear trend needs at least 3 points, got 2");
    expect(() => linearRegression([1, 2, 3], [1, 2])).toThrow("ys: linear regression needs at least 3 points, got 2");
    expect(() => linearRegression([1, 2, 3], [1, 2, 3, 4])).toThrow("ys: must have as many values as xs (3), got 4");
    expect(() => linearRegression([2, 2, 2], [1, 2, 3])).toThrow("xs: must not all be equal");
  });
});
