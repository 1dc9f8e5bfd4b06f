import { PRIORITY_LEVELS, type PriorityLevel } from "../../../shared/domain/priority.ts";

/** How one party fares under a proposal: satisfaction 0–1 and, for resource splits, its share. */
export interface PartyOutcome {
  party: string;
  satisfaction: number;
  demand?: number;
  /** The demand the split could honour: capped by the party's guild's free grant. */
  admissible_demand?: number;
  weight?: number;
  allocated?: number;
}

/**
 * A claim's weight from its priority when none is given: 5 for critical down to 1 for deferred,
 * so under proportional-to-priority a critical claim gets five times a deferred one's share of
 * its demand.
 */
export function priorityWeight(priority: PriorityLevel): number {
  return PRIORITY_LEVELS.length - PRIORITY_LEVELS.indexOf(priority);
}

/**
 * The party a proposal favours: the one strictly more satisfied than every other. A tie at the
 * top is a compromise (null), which the fairness report leaves out of its bias test.
 */
export function favouredParty(outcomes: readonly PartyOutcome[]): string | null {
  const best = Math.max(...outcomes.map((outcome) => outcome.satisfaction));
  const top = outcomes.filter((outcome) => outcome.satisfaction === best);
  return top.length === 1 ? (top[0]?.party ?? null) : null;
}

/** Mean satisfaction of the parties, 0–1 (stakeholder satisfaction of a ruling). */
export function meanSatisfaction(outcomes: readonly PartyOutcome[]): number {
  return outcomes.reduce((total, outcome) => total + outcome.satisfaction, 0) / outcomes.length;
}
