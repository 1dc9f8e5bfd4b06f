import { DomainInputError } from "../errors.ts";
import { requireInRange } from "../validate.ts";
import { requireParties } from "./parties.ts";

/** One arbitration decision as the report needs it. */
export interface ArbitrationRecord {
  id: string;
  parties: string[];
  /** The party the ruling favoured; null for a compromise. */
  winner: string | null;
  /** 0–1. */
  fairnessScore: number;
  /** Stakeholder satisfaction, 0–1. */
  satisfaction: number;
}

/** A party's record against what chance alone would give it. */
export interface PartyRecord {
  party: string;
  participated: number;
  /** Decisions with a winner that the party took part in. */
  decided: number;
  wins: number;
  /** Σ 1/kᵢ over those decisions (kᵢ parties each): the wins expected if rulings ignored who the party is. */
  expectedWins: number;
  winShare: number;
  /** P(wins ≥ observed) under that no-bias model (exact Poisson-binomial tail). */
  pValue: number;
}

/** A party that wins more than chance explains. */
export interface BiasIndicator {
  party: string;
  wins: number;
  expectedWins: number;
  pValue: number;
  message: string;
}

/** Averages, per-party records and bias indicators. */
export interface FairnessReport {
  decisions: number;
  averageFairness: number;
  averageSatisfaction: number;
  parties: PartyRecord[];
  /** 0.05 divided by the number of parties tested (Bonferroni), so many parties do not produce chance flags. */
  significanceLevel: number;
  biasIndicators: BiasIndicator[];
}

/**
 * Averages fairness and satisfaction, and tests each party for winning disproportionately: under "no bias" a party
 * in a decision among k parties wins with probability 1/k, so its wins follow a Poisson-binomial distribution; a
 * party is flagged when P(wins ≥ observed) < 0.05 / (number of parties). Compromises (no winner) are left out of the
 * test. Small samples cannot be flagged: two wins out of two two-party decisions has p = 0.25.
 */
export function fairnessReport(decisions: readonly ArbitrationRecord[]): FairnessReport {
  if (decisions.length === 0) throw new DomainInputError("decisions", "needs at least one decision");
  decisions.forEach((d, i) => {
    requireParties(`decisions[${i}].parties`, d.parties);
    requireInRange(`decisions[${i}].fairnessScore`, d.fairnessScore, 0, 1);
    requireInRange(`decisions[${i}].satisfaction`, d.satisfaction, 0, 1);
    if (d.winner !== null && !d.parties.includes(d.winner)) {
      throw new DomainInputError(`decisions[${i}].winner`, `"${d.winner}" is not one of the decision's parties`);
    }
  });
  const names = [...new Set(decisions.flatMap((d) => d.parties))];
  const parties = names.map((party) => partyRecord(party, decisions));
  const significanceLevel = 0.05 / names.length;
  const biasIndicators = parties
    .filter((p) => p.wins > p.expectedWins && p.pValue < significanceLevel)
    .map((p) => ({
      party: p.party,
      wins: p.wins,
      expectedWins: p.expectedWins,
      pValue: p.pValue,
      message:
        `${p.party} won ${p.wins} of ${p.decided} contested decisions; about ${round(p.expectedWins)} would be ` +
        `expected by chance (p = ${p.pValue.toPrecision(2)}).`,
    }));
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  return {
    decisions: decisions.length,
    averageFairness: mean(decisions.map((d) => d.fairnessScore)),
    averageSatisfaction: mean(decisions.map((d) => d.satisfaction)),
    parties,
    significanceLevel,
    biasIndicators,
  };
}

function partyRecord(party: string, decisions: readonly ArbitrationRecord[]): PartyRecord {
  const mine = decisions.filter((d) => d.parties.includes(party));
  const decided = mine.filter((d) => d.winner !== null);
  const chances = decided.map((d) => 1 / d.parties.length);
  const wins = decided.filter((d) => d.winner === party).length;
  return {
    party,
    participated: mine.length,
    decided: decided.length,
    wins,
    expectedWins: chances.reduce((a, p) => a + p, 0),
    winShare: decided.length === 0 ? 0 : wins / decided.length,
    pValue: upperTail(chances, wins),
  };
}

// P(W ≥ w) for W a sum of independent Bernoulli(pᵢ), by the O(n²) convolution of their distributions.
function upperTail(chances: readonly number[], w: number): number {
  let dist = [1];
  for (const p of chances) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((q, c) => {
      next[c]! += q * (1 - p);
      next[c + 1]! += q * p;
    });
    dist = next;
  }
  return Math.min(
    1,
    dist.slice(w).reduce((a, q) => a + q, 0),
  );
}

function round(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}
