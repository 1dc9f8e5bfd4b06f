import { HOUR_MS } from "../../../shared/domain/time.ts";
import { meanSatisfaction, type PartyOutcome } from "./outcomes.ts";

/** What an appeal's review points are drawn from. */
export interface ReviewInput {
  outcomes: readonly PartyOutcome[];
  /** The appealing party, when named. */
  party: string | null;
  winner: string | null;
  /** Jain's index of the ruling's satisfactions, 0–1 (fairness score / 100). */
  fairness: number | null;
  remainingMs: number;
}

const pct = (value: number) => `${Math.round(value * 1000) / 10}%`;

/**
 * The points a reviewer should check, from the ruling's own figures: how the appellant fared
 * against the other parties, whether satisfaction was unequal (Jain's index below 1) and who the
 * ruling favoured, then how much of the appeal window was left when the appeal came in.
 */
export function reviewPoints(input: ReviewInput): string[] {
  const points: string[] = [];
  const mine = input.party === null ? undefined : input.outcomes.find((outcome) => outcome.party === input.party);
  if (mine && input.outcomes.length > 1) {
    const mean = meanSatisfaction(input.outcomes);
    const rank = [...input.outcomes].sort((a, b) => a.satisfaction - b.satisfaction).indexOf(mine) + 1;
    points.push(
      `${mine.party} was ${pct(mine.satisfaction)} satisfied against a mean of ${pct(mean)} ` +
        `(${rank === 1 ? "the least" : `#${rank} least`} satisfied of ${input.outcomes.length}).`,
    );
  }
  if (input.fairness !== null && input.fairness < 1) {
    points.push(
      `Satisfaction was unequal across the parties (Jain's index ${input.fairness.toFixed(3)}): check that the weights and caps justify it.`,
    );
  }
  if (input.winner !== null && input.winner !== input.party) {
    points.push(`The ruling favoured ${input.winner}.`);
  }
  points.push(`Filed with ${Math.floor(input.remainingMs / HOUR_MS)} hours of the 14-day appeal window left.`);
  return points;
}
