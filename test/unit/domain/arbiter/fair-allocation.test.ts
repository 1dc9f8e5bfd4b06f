import { describe, expect, it } from "vitest";
import { fairAllocation, jainIndex } from "../../../../shared/domain/arbiter/index.ts";

const shares = (r: ReturnType<typeof fairAllocation>) => r.allocations.map((a) => a.allocated);

describe("jainIndex", () => {
  it("is 1 for equal shares and 1/n when one takes all", () => {
    expect(jainIndex([5, 5, 5, 5])).toBe(1);
    expect(jainIndex([8, 0, 0, 0])).toBe(0.25);
    // (1 + 2 + 3)² / (3·(1 + 4 + 9)) = 36/42.
    expect(jainIndex([1, 2, 3])).toBeCloseTo(36 / 42, 12);
    expect(jainIndex([0, 0])).toBe(1);
  });

  it("rejects empty and negative input", () => {
    expect(() => jainIndex([])).toThrow("values: needs at least one value");
    expect(() => jainIndex([1, -1])).toThrow("values[1]: must not be negative");
  });
});

describe("fairAllocation", () => {
  const claims = [
    { party: "A", demand: 2 },
    { party: "B", demand: 4 },
    { party: "C", demand: 10 },
  ];

  it("water-fills (max–min) with equal weights", () => {
    // Capacity 10: equal share 10/3 ≥ 2 → A gets 2; 8 left for B, C → 4 each, B is satisfied exactly → C gets 4.
    const r = fairAllocation(10, claims, "weighted_max_min");
    expect(shares(r)).toEqual([2, 4, 4]);
    expect(r.unallocated).toBe(0);
    // Satisfaction 1, 1, 0.4: Jain = 2.4² / (3·2.16) = 5.76/6.48.
    expect(r.jainIndex).toBeCloseTo(5.76 / 6.48, 12);
  });

  it("water-fills per unit weight", () => {
    // Weights 1, 1, 2: λ = 10/4 = 2.5 → A (2 ≤ 2.5) saturates; then λ = 8/3: B gets 8/3, C gets 16/3.
    const r = fairAllocation(10, [claims[0]!, claims[1]!, { ...claims[2]!, weight: 2 }], "weighted_max_min");
    const [a, b, c] = shares(r);
    expect(a).toBe(2);
    expect(b).toBeCloseTo(8 / 3, 12);
    expect(c).toBeCloseTo(16 / 3, 12);
  });

  it("gives everyone the same fraction under proportional_to_priority with equal weights", () => {
    // Total demand 16, capacity 10: everyone gets 10/16 = 62.5% of their demand.
    const r = fairAllocation(10, claims, "proportional_to_priority");
    expect(shares(r)).toEqual([1.25, 2.5, 6.25]);
    expect(r.jainIndex).toBeCloseTo(1, 12);
  });

  it("scales fractions by weight and re-shares what a capped claim cannot use", () => {
    // Weights 4, 1, 1 → c = w·d = 8, 4, 10; λ = 10/22 → A would get 80/22 = 3.64 > 2, so A gets 2.
    // Then λ = 8/14: B gets 32/14 = 2.2857, C gets 80/14 = 5.7143.
    const r = fairAllocation(10, [{ ...claims[0]!, weight: 4 }, claims[1]!, claims[2]!], "proportional_to_priority");
    const [a, b, c] = shares(r);
    expect(a).toBe(2);
    expect(b).toBeCloseTo(32 / 14, 12);
    expect(c).toBeCloseTo(80 / 14, 12);
  });

  it("meets every demand when capacity allows and reports the rest", () => {
    const r = fairAllocation(20, claims, "weighted_max_min");
    expect(shares(r)).toEqual([2, 4, 10]);
    expect(r.unallocated).toBe(4);
  });

  it("rejects unknown rules, duplicate parties and non-positive weights", () => {
    expect(() => fairAllocation(10, claims, "lottery" as never)).toThrow("rule: must be one of");
    expect(() => fairAllocation(10, [claims[0]!, claims[0]!], "weighted_max_min")).toThrow(
      "claims: must not list a party twice",
    );
    expect(() => fairAllocation(10, [{ party: "A", demand: 1, weight: 0 }], "weighted_max_min")).toThrow(
      "claims[0].weight: must be greater than 0",
    );
  });
});
