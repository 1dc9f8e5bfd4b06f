import { DomainInputError } from "../errors.ts";
import { requireNonNegative, requirePositive } from "../validate.ts";
import { jainIndex } from "./jain.ts";

/** A party's claim on a shared capacity; weight expresses priority (default 1). */
export interface Claim {
  party: string;
  demand: number;
  weight?: number;
}

/** The two allocation rules. */
export const ALLOCATION_RULES = ["weighted_max_min", "proportional_to_priority"] as const;
/** One of ALLOCATION_RULES. */
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

/** One party's share. */
export interface ClaimAllocation {
  party: string;
  demand: number;
  weight: number;
  allocated: number;
  /** allocated / demand (1 for a zero demand). */
  satisfaction: number;
}

/** The allocation, what is left over, and Jain's index of the satisfaction ratios. */
export interface FairAllocation {
  rule: AllocationRule;
  allocations: ClaimAllocation[];
  allocated: number;
  unallocated: number;
  jainIndex: number;
}

/**
 * Splits `capacity` among claims, never giving anyone more than they ask. Both rules find λ with
 * Σ min(demandᵢ, λ·cᵢ) = capacity by water-filling (saturate the claims that fit, share the rest, repeat):
 * - weighted_max_min: cᵢ = weightᵢ. Small demands are met in full; the rest share equally per unit weight
 *   (weighted max–min fairness);
 * - proportional_to_priority: cᵢ = weightᵢ·demandᵢ. Everyone gets the same weight-scaled fraction of their demand
 *   (the classic proportional rule when weights are equal), capped at the demand with the excess re-shared.
 * When capacity covers every demand, each gets its demand and the rest is reported unallocated.
 */
export function fairAllocation(capacity: number, claims: readonly Claim[], rule: AllocationRule): FairAllocation {
  requireNonNegative("capacity", capacity);
  if (!ALLOCATION_RULES.includes(rule)) {
    throw new DomainInputError("rule", `must be one of ${ALLOCATION_RULES.join(", ")}, got ${String(rule)}`);
  }
  if (claims.length === 0) throw new DomainInputError("claims", "needs at least one claim");
  if (new Set(claims.map((c) => c.party)).size !== claims.length) {
    throw new DomainInputError("claims", "must not list a party twice");
  }
  const demands = claims.map((c, i) => requireNonNegative(`claims[${i}].demand`, c.demand));
  const weights = claims.map((c, i) => requirePositive(`claims[${i}].weight`, c.weight ?? 1));
  const coefficients = rule === "weighted_max_min" ? weights : weights.map((w, i) => w * demands[i]!);
  const shares = waterFill(capacity, demands, coefficients);
  const allocations = claims.map((c, i) => ({
    party: c.party,
    demand: demands[i]!,
    weight: weights[i]!,
    allocated: shares[i]!,
    satisfaction: demands[i]! === 0 ? 1 : shares[i]! / demands[i]!,
  }));
  const allocated = shares.reduce((a, s) => a + s, 0);
  return {
    rule,
    allocations,
    allocated,
    unallocated: Math.max(0, capacity - allocated),
    jainIndex: jainIndex(allocations.map((a) => a.satisfaction)),
  };
}

// Σ min(dᵢ, λ·cᵢ) = capacity: each round either saturates at least one claim or settles everyone left.
function waterFill(capacity: number, demands: readonly number[], coefficients: readonly number[]): number[] {
  const shares = demands.map(() => 0);
  let active = demands.flatMap((d, i) => (d > 0 ? [i] : []));
  let left = capacity;
  while (active.length > 0) {
    const lambda = left / active.reduce((a, i) => a + coefficients[i]!, 0);
    const saturated = active.filter((i) => demands[i]! <= lambda * coefficients[i]!);
    if (saturated.length === 0) {
      for (const i of active) shares[i] = lambda * coefficients[i]!;
      break;
    }
    for (const i of saturated) {
      shares[i] = demands[i]!;
      left -= demands[i]!;
    }
    active = active.filter((i) => !saturated.includes(i));
  }
  return shares;
}
