import { describe, expect, it } from "vitest";
import { dominantPeriod, forecast } from "../../../../shared/domain/seer/index.ts";

describe("cyclical forecast", () => {
  // y_t = 5 + 3·sin(2πt/8), four full cycles.
  const wave = Array.from({ length: 32 }, (_, t) => 5 + 3 * Math.sin((2 * Math.PI * t) / 8));

  it("finds the period by DFT and fits the sinusoid", () => {
    expect(dominantPeriod(wave)).toBe(8); // k = 4 of n = 32
    const f = forecast(wave, { method: "cyclical", horizon: 3 });
    if (f.model.method !== "cyclical") throw new Error("wrong model");
    expect(f.model.period).toBe(8);
    expect(f.model.periodDetected).toBe(true);
    expect(f.model.intercept).toBeCloseTo(5, 9);
    expect(f.model.slope).toBeCloseTo(0, 9);
    expect(f.model.amplitude).toBeCloseTo(3, 9);
    expect(f.model.phase).toBeCloseTo(0, 9); // pure sine: c = 0, d = 3
    // t = 32, 33, 34: 5 + 3·sin(8π), 5 + 3·sin(8.25π) = 5 + 3/√2, 5 + 3·sin(8.5π) = 8.
    const values = f.predictions.map((p) => p.value);
    expect(values[0]).toBeCloseTo(5, 9);
    expect(values[1]).toBeCloseTo(5 + 3 / Math.SQRT2, 9);
    expect(values[2]).toBeCloseTo(8, 9);
    expect(f.trend.direction).toBe("stable");
  });

  it("separates a trend from the cycle", () => {
    // y = 2 + 0.5t + 4·cos(2πt/6): the line's leakage does not move the peak off k = 4 (n = 24).
    const y = Array.from({ length: 24 }, (_, t) => 2 + 0.5 * t + 4 * Math.cos((2 * Math.PI * t) / 6));
    expect(dominantPeriod(y)).toBe(6);
    const f = forecast(y, { method: "cyclical", horizon: 1 });
    if (f.model.method !== "cyclical") throw new Error("wrong model");
    expect(f.model.slope).toBeCloseTo(0.5, 9);
    expect(f.model.amplitude).toBeCloseTo(4, 9);
    expect(f.model.phase).toBeCloseTo(Math.PI / 2, 9); // cos = sin(· + π/2)
    expect(f.predictions[0]!.value).toBeCloseTo(2 + 12 + 4, 9); // t = 24: cos(8π) = 1
  });

  it("uses a given period and rejects short series", () => {
    const f = forecast(wave.slice(0, 16), { method: "cyclical", period: 8, horizon: 1 });
    expect(f.model.method === "cyclical" && f.model.periodDetected).toBe(false);
    expect(() => forecast(wave.slice(0, 7), { method: "cyclical", horizon: 1 })).toThrow(
      "series: cyclical forecasting needs at least 8 points, got 7",
    );
    expect(() => forecast(wave.slice(0, 12), { method: "cyclical", period: 8, horizon: 1 })).toThrow(
      "series: cyclical forecasting needs at least 16 points, got 12",
    );
    expect(() => forecast(wave, { method: "cyclical", period: 2, horizon: 1 })).toThrow(
      "period: must be greater than 2",
    );
  });
});
