import { describe, expect, it } from "vitest";
import { DomainInputError } from "../../../../shared/domain/errors.ts";
import { mean, stddev, sum, variance } from "../../../../shared/domain/statistics/index.ts";

describe("descriptive statistics", () => {
  // The classic example: deviations from the mean 5 are −3,−1,−1,−1,0,0,2,4; squares sum to 32.
  const data = [2, 4, 4, 4, 5, 5, 7, 9];

  it("computes mean, population and sample variance by hand", () => {
    expect(mean(data)).toBe(5);
    expect(variance(data, { sample: false })).toBe(4); // 32 / 8
    expect(stddev(data, { sample: false })).toBe(2);
    expect(variance(data)).toBeCloseTo(32 / 7, 12);
  });

  it("keeps precision where naive summation loses it", () => {
    // Naively 1e16 + 1 rounds back to 1e16 and the 1 is lost.
    expect(sum([1e16, 1, -1e16])).toBe(1);
  });

  it("rejects empty input and a sample variance of one value", () => {
    expect(() => mean([])).toThrow(DomainInputError);
    expect(() => variance([3])).toThrow("values: a sample variance needs at least 2 points, got 1");
    expect(() => mean([1, Number.NaN])).toThrow("values[1]: must be a finite number");
  });
});
