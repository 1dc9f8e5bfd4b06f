import {
  assessSeverity,
  type ConflictType,
  SEVERITY_WEIGHTS,
  type SeverityAssessment,
} from "../../../shared/domain/arbiter/index.ts";
import type { Instant } from "../../../shared/domain/time.ts";

/** What a conflict analysis is computed from. */
export interface AnalysisInput {
  type: ConflictType;
  parties: string[];
  goals: string[];
  stakes: number;
  deadline: string | null;
  /** For resource conflicts: each claim's demand and the contested capacity. */
  resource: {
    unit: string;
    resourceType: string;
    capacity: number;
    claims: { party: string; demand: number }[];
  } | null;
  /** The execution plan the conflict is about, if any. */
  plan: { id: string; status: string; progressPercent: number; durationHours: number | null } | null;
}

/** One cause of a conflict, with how much it explains (0–1) and a sentence saying so. */
export interface RootCause {
  factor: "scarcity" | "stakes" | "urgency" | "parties" | "goals";
  weight: number;
  statement: string;
}

/** A conflict's analysis: severity re-assessed now, root causes ranked, and its impact. */
export interface ConflictAnalysis {
  severity: SeverityAssessment;
  rootCauses: RootCause[];
  impact: Record<string, unknown>;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Root causes and impact from the conflict's own figures:
 * - scarcity (resource conflicts): the share of the total demand the capacity cannot meet,
 *   (Σ demand − capacity) / Σ demand;
 * - stakes, urgency and parties: each factor's share of the severity score, so the ranking says
 *   what makes this conflict serious (money, a close deadline, many parties);
 * - goals: more goals than parties means parties pursue several aims at once, counted as the
 *   share of goals beyond one per party.
 * Causes that explain nothing are left out; the rest are sorted by weight.
 */
export function analyzeConflict(input: AnalysisInput, now: Instant): ConflictAnalysis {
  const severity = assessSeverity(
    {
      type: input.type,
      stakes: input.stakes,
      parties: input.parties,
      ...(input.deadline ? { deadline: input.deadline } : {}),
    },
    now,
  );
  const causes: RootCause[] = [];
  let resourceImpact: Record<string, unknown> | null = null;
  if (input.resource) {
    const demand = input.resource.claims.reduce((total, claim) => total + claim.demand, 0);
    const shortfall = Math.max(0, demand - input.resource.capacity);
    const { unit, resourceType, capacity } = input.resource;
    resourceImpact = {
      resource_type: resourceType,
      unit,
      total_demand: demand,
      capacity,
      shortfall,
      coverage: demand > 0 ? Math.min(1, capacity / demand) : 1,
    };
    if (shortfall > 0) {
      causes.push({
        factor: "scarcity",
        weight: shortfall / demand,
        statement:
          `Claims total ${demand} ${unit} of ${resourceType} against ${capacity} available: ` +
          `short by ${shortfall} (${round((100 * shortfall) / demand, 1)}% of demand cannot be met).`,
      });
    }
  }
  if (severity.score > 0) {
    const explain = (factor: "stakes" | "parties" | "urgency", statement: string) => {
      const points = 100 * SEVERITY_WEIGHTS[factor] * severity.factors[factor];
      if (points > 0) causes.push({ factor, weight: points / severity.score, statement });
    };
    explain("stakes", `${input.stakes} at stake accounts for ${share(severity, "stakes")}% of the severity score.`);
    explain(
      "urgency",
      `The deadline is ${round(severity.hoursToDeadline ?? 0, 1)} hours away, ${share(severity, "urgency")}% of the severity score.`,
    );
    explain(
      "parties",
      `${input.parties.length} parties must agree, ${share(severity, "parties")}% of the severity score.`,
    );
  }
  if (input.goals.length > input.parties.length) {
    const extra = input.goals.length - input.parties.length;
    causes.push({
      factor: "goals",
      weight: extra / input.goals.length,
      statement: `${input.goals.length} goals across ${input.parties.length} parties: ${extra} more than one per party compete for the same effort.`,
    });
  }
  causes.sort((a, b) => b.weight - a.weight);
  return {
    severity,
    rootCauses: causes,
    impact: {
      severity: severity.severity,
      severity_score: round(severity.score),
      factors: severity.factors,
      hours_to_deadline: severity.hoursToDeadline,
      stakes: input.stakes,
      parties_affected: input.parties.length,
      goals_at_risk: input.goals.length,
      resource: resourceImpact,
      plan: input.plan
        ? {
            plan_id: input.plan.id,
            status: input.plan.status,
            progress_percent: input.plan.progressPercent,
            remaining_duration_hours: input.plan.durationHours,
          }
        : null,
    },
  };
}

function share(severity: SeverityAssessment, factor: "stakes" | "parties" | "urgency"): number {
  return round((100 * 100 * SEVERITY_WEIGHTS[factor] * severity.factors[factor]) / severity.score, 1);
}
