import { cheaperTiers, type ModelTier } from "../../models/tiers.ts";

/** The spec's default: $10 per member per month (backend-architecture.md, system 11). */
export const DEFAULT_MONTHLY_USD_PER_MEMBER = 10;
/** Share of the limit after which work is downgraded, when the workspace set none. */
export const DEFAULT_THRESHOLD_PERCENT = 80;

/** A workspace's budget for the current month and what it has spent. */
export interface BudgetSnapshot {
  limitUsd: number;
  spentUsd: number;
  thresholdPercent: number;
  /** A hard limit refuses work at zero; a soft one keeps going on the cheapest tier. */
  hardLimit: boolean;
  /** `budget` when the workspace configured one, `default` when it is members × the default. */
  source: "budget" | "default";
}

/** What the runtime may do with the next call. */
export type BudgetDecision =
  | { kind: "allow"; tier: ModelTier; remainingUsd: number; thresholdReached: boolean }
  | { kind: "downgrade"; tier: ModelTier; from: ModelTier; remainingUsd: number; thresholdReached: true }
  | { kind: "refuse"; remainingUsd: 0; limitUsd: number; spentUsd: number };

/** The default limit for a workspace without a budget row. */
export function defaultLimitUsd(members: number): number {
  return Math.max(1, members) * DEFAULT_MONTHLY_USD_PER_MEMBER;
}

/**
 * Decides the tier for a call of `requested` tier: under the threshold it runs as asked; past the
 * threshold it drops one tier; at zero a hard limit refuses and a soft one runs on the cheapest tier.
 */
export function decideBudget(snapshot: BudgetSnapshot, requested: ModelTier): BudgetDecision {
  const remainingUsd = Math.max(0, snapshot.limitUsd - snapshot.spentUsd);
  if (remainingUsd <= 0) {
    if (snapshot.hardLimit) {
      return { kind: "refuse", remainingUsd: 0, limitUsd: snapshot.limitUsd, spentUsd: snapshot.spentUsd };
    }
    return requested === "fast"
      ? { kind: "allow", tier: "fast", remainingUsd, thresholdReached: true }
      : { kind: "downgrade", tier: "fast", from: requested, remainingUsd, thresholdReached: true };
  }
  const thresholdReached = snapshot.spentUsd >= (snapshot.limitUsd * snapshot.thresholdPercent) / 100;
  if (!thresholdReached) return { kind: "allow", tier: requested, remainingUsd, thresholdReached };
  const cheaper = cheaperTiers(requested)[0];
  if (!cheaper) return { kind: "allow", tier: requested, remainingUsd, thresholdReached };
  return { kind: "downgrade", tier: cheaper, from: requested, remainingUsd, thresholdReached };
}

/** The cheaper of two tiers: a budget decision never raises the tier a message was queued with. */
export function cheaperOf(a: ModelTier, b: ModelTier): ModelTier {
  return cheaperTiers(a).includes(b) ? b : a;
}
