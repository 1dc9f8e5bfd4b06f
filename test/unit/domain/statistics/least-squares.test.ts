import { describe, expect, it } from "vitest";
import { fitLeastSquares } from "../../../../shared/domain/statistics/index.ts";

describe("fitLeastSquares (Householder QR)", () => {
  it("recovers an exact quadratic", () => {
    const t = [0, 1, 2, 3, 4, 5];
    const fit = fitLeastSquares(
      t.map((x) => [1, x, x * x]),
      t.map((x) => 1 + 2 * x + 3 * x * x),
    );
    fit.coefficients.forEach((c, i) => {
      expect(c).toBeCloseTo([1, 2, 3][i]!, 10);
    });
    expect(fit.sse).toBeCloseTo(0, 18);
    expect(fit.degreesOfFreedom).toBe(3);
  });

  it("agrees with the closed-form line and its variance factor", () => {
    // Same data as the regression test: slope 0.6, intercept 2.2, SSE 2.4.
    // For a new x₀ the factor is 1/n + (x₀ − x̄)²/Sxx = 1/5 + (7 − 3)²/10 = 1.8.
    const xs = [1, 2, 3, 4, 5];
    const fit = fitLeastSquares(
      xs.map((x) => [1, x]),
      [2, 4, 5, 4, 5],
    );
    expect(fit.coefficients[0]).toBeCloseTo(2.2, 12);
    expect(fit.coefficients[1]).toBeCloseTo(0.6, 12);
    expect(fit.sse).toBeCloseTo(2.4, 12);
    expect(fit.residualStdError).toBeCloseTo(Math.sqrt(0.8), 12);
    expect(fit.varianceFactor([1, 7])).toBeCloseTo(1.8, 12);
    // Var(slope)/s² = 1/Sxx = 0.1.
    expect(fit.varianceFactor([0, 1])).toBeCloseTo(0.1, 12);
  });

  it("stays accurate on a degree-4 polynomial over t = 0…49", () => {
    // Raw Vandermonde columns span 1 … 49⁴ ≈ 5.8e6; normal equations would square that conditioning.
    const t = Array.from({ length: 50 }, (_, i) => i);
    const coefs = [5, -3, 0.5, -0.01, 0.0001];
    const fit = fitLeastSquares(
      t.map((x) => coefs.map((_, j) => x ** j)),
      t.map((x) => coefs.reduce((acc, c, j) => acc + c * x ** j, 0)),
    );
    fit.coefficients.forEach((c, j) => {
      expect(c).toBeCloseTo(coefs[j]!, 8);
    });
  });

  it("rejects dependent columns and too few rows", () => {
    expect(() =>
      fitLeastSquares(
        [
          [1, 2],
          [2, 4],
          [3, 6],
        ],
        [1, 2, 3],
      ),
    ).toThrow("design: column 1 is a linear combination of the others");
    expect(() => fitLeastSquares([[1, 2]], [1])).toThrow("design: needs at least as many rows as columns (2), got 1");
  });
});
