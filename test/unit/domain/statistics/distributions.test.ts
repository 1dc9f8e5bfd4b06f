import { describe, expect, it } from "vitest";
import {
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  regularizedGammaP,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedP,
} from "../../../../shared/domain/statistics/index.ts";

describe("distributions", () => {
  it("logGamma matches factorials and Γ(½) = √π", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it("regularizedBeta matches closed forms", () => {
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12); // I_x(1,1) = x
    expect(regularizedBeta(0.3, 3, 1)).toBeCloseTo(0.027, 12); // I_x(a,1) = xᵃ
    expect(regularizedBeta(0.8, 2, 2)).toBeCloseTo(3 * 0.64 - 2 * 0.512, 12); // 3x² − 2x³
    expect(regularizedBeta(0.3, 2.5, 4)).toBeCloseTo(0.3521975859, 9); // scipy.stats.beta.cdf
  });

  it("Student t CDF matches the closed forms for 1 and 2 degrees of freedom", () => {
    // df = 1 is Cauchy: ½ + atan(t)/π. df = 2: ½ + t / (2√(2 + t²)).
    expect(studentTCdf(1.5, 1)).toBeCloseTo(0.5 + Math.atan(1.5) / Math.PI, 12);
    expect(studentTCdf(-0.7, 2)).toBeCloseTo(0.5 - 0.7 / (2 * Math.sqrt(2.49)), 12);
    expect(studentTTwoSidedP(0, 4)).toBe(1);
  });

  it("Student t quantiles match tables", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(0.475 * Math.PI), 8); // 12.7062
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(0.95 / Math.sqrt(2 * 0.975 * 0.025), 9); // 4.3027
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138852, 8);
    expect(studentTQuantile(0.995, 30)).toBeCloseTo(2.749995654, 8);
    expect(studentTQuantile(0.05, 5)).toBeCloseTo(-2.015048373, 8);
  });

  it("normal CDF and quantile match tables", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 13); // scipy.stats.norm.cdf
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 14);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 7);
  });

  it("regularizedGammaP matches P(1, x) = 1 − e⁻ˣ on both sides of a + 1", () => {
    expect(regularizedGammaP(1, 0.5)).toBeCloseTo(1 - Math.exp(-0.5), 14);
    expect(regularizedGammaP(1, 6)).toBeCloseTo(1 - Math.exp(-6), 14);
  });

  it("rejects probabilities outside (0, 1)", () => {
    expect(() => studentTQuantile(1, 3)).toThrow("p: must be strictly between 0 and 1");
    expect(() => normalQuantile(0)).toThrow("p: must be strictly between 0 and 1");
  });
});
