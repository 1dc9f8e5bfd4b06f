import { DomainInputError } from "../errors.ts";
import { HOUR_MS, type Instant, toEpochMs } from "../time.ts";
import { requireNonNegative, requirePositive } from "../validate.ts";
import { CONFLICT_TYPES, type ConflictSeverity, type ConflictType } from "./constants.ts";
import { requireParties } from "./parties.ts";

/** What severity is assessed from. */
export interface ConflictInput {
  type: ConflictType;
  /** Money (or money-equivalent) at stake, ≥ 0. */
  stakes: number;
  parties: string[];
  deadline?: Instant;
}

/** Severity score 0–100, its level and the three factors (each 0–1). */
export interface SeverityAssessment {
  score: number;
  severity: ConflictSeverity;
  factors: { stakes: number; parties: number; urgency: number };
  hoursToDeadline: number | null;
}

/** How much each factor weighs in the score: stakes bound the damage, urgency removes time to negotiate. */
export const SEVERITY_WEIGHTS = { stakes: 0.5, parties: 0.2, urgency: 0.3 } as const;

/** Stakes at or above this count fully; the default suits campaign-level budgets. */
export const DEFAULT_STAKES_CEILING = 100_000;

/**
 * score = 100 · (0.5·stakes + 0.2·parties + 0.3·urgency), where
 * - stakes = log₁₀(1 + stakes) / log₁₀(1 + ceiling), capped at 1: logarithmic because 10× the money is one more
 *   step of seriousness, not ten;
 * - parties = min(1, (parties − 2) / 8): two parties are the minimum for a conflict; each extra one adds
 *   coordination cost, saturating at ten;
 * - urgency = 1 within 24 hours of the deadline (or past it), 0 from 14 days out, linear in between; 0 without one.
 * Stakes weigh most because they bound the damage; urgency next because it removes time to negotiate.
 * Levels: ≥ 75 critical, ≥ 50 high, ≥ 25 medium, else low. The conflict type does not change severity.
 */
export function assessSeverity(
  conflict: ConflictInput,
  now: Instant,
  options: { stakesCeiling?: number } = {},
): SeverityAssessment {
  if (!CONFLICT_TYPES.includes(conflict.type)) {
    throw new DomainInputError("type", `must be one of ${CONFLICT_TYPES.join(", ")}, got ${String(conflict.type)}`);
  }
  const stakes = requireNonNegative("stakes", conflict.stakes);
  const ceiling = requirePositive("stakesCeiling", options.stakesCeiling ?? DEFAULT_STAKES_CEILING);
  const parties = requireParties("parties", conflict.parties).length;
  const nowMs = toEpochMs("now", now);
  const hoursToDeadline =
    conflict.deadline === undefined ? null : (toEpochMs("deadline", conflict.deadline) - nowMs) / HOUR_MS;
  const factors = {
    stakes: Math.min(1, Math.log10(1 + stakes) / Math.log10(1 + ceiling)),
    parties: Math.min(1, (parties - 2) / 8),
    urgency: hoursToDeadline === null ? 0 : urgency(hoursToDeadline),
  };
  const score =
    100 *
    (SEVERITY_WEIGHTS.stakes * factors.stakes +
      SEVERITY_WEIGHTS.parties * factors.parties +
      SEVERITY_WEIGHTS.urgency * factors.urgency);
  const severity: ConflictSeverity = score >= 75 ? "critical" : score >= 50 ? "high" : score >= 25 ? "medium" : "low";
  return { score, severity, factors, hoursToDeadline };
}

function urgency(hours: number): number {
  const full = 24;
  const none = 14 * 24;
  if (hours <= full) return 1;
  if (hours >= none) return 0;
  return 1 - (hours - full) / (none - full);
}
