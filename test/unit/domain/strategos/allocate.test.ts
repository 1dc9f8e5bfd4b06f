import { describe, expect, it } from "vitest";
import { allocate } from "../../../../shared/domain/strategos/index.ts";

describe("allocate", () => {
  it("serves priorities in order and reports the shortfall", () => {
    // Budget 1000: critical r2 gets 500, high r1 gets the remaining 500 (short 100), low r3 gets 0 (short 200).
    // Requested 1300 − available 1000 = shortfall 300. Compute 10 units, one 4-unit request: no shortfall.
    const r = allocate({ budget: { available: 1000, unit: "USD" }, compute: { available: 10 } }, [
      { id: "r1", resourceType: "budget", quantity: 600, priority: "high" },
      { id: "r2", resourceType: "budget", quantity: 500, priority: "critical" },
      { id: "r3", resourceType: "budget", quantity: 200, priority: "low" },
      { id: "r4", resourceType: "compute", quantity: 4, priority: "medium" },
    ]);
    expect(r.allocations.map((a) => [a.requestId, a.granted, a.shortfall])).toEqual([
      ["r1", 500, 100],
      ["r2", 500, 0],
      ["r3", 0, 200],
      ["r4", 4, 0],
    ]);
    expect(r.byType.budget).toEqual({
      available: 1000,
      requested: 1300,
      granted: 1000,
      remaining: 0,
      utilisation: 1,
      shortfall: 300,
    });
    expect(r.byType.compute!.utilisation).toBeCloseTo(0.4, 12);
    expect(r.overAllocated).toBe(true);
    expect(r.shortfalls).toEqual([{ resourceType: "budget", shortfall: 300 }]);
  });

  it("treats a type missing from the pool as unavailable", () => {
    const r = allocate({}, [{ id: "x", resourceType: "storage", quantity: 5, priority: "high" }]);
    expect(r.byType.storage).toMatchObject({ available: 0, shortfall: 5 });
  });

  it("rejects unknown types and negative quantities", () => {
    expect(() => allocate({}, [{ id: "x", resourceType: "gold" as never, quantity: 1, priority: "high" }])).toThrow(
      "requests[0].resourceType: must be one of agents, budget, time, compute, storage, bandwidth",
    );
    expect(() => allocate({ time: { available: -1 } }, [])).toThrow("pool.time.available: must not be negative");
  });
});
