import type {
  AppealsRow,
  ArbitrationDecisionsRow,
  ConflictCasesRow,
  FairnessMetricsRow,
  Json,
  ResolutionProposalsRow,
} from "../../../shared/db/rows.generated.ts";

// Postgres numerics arrive as strings (no precision is lost on the way); the API answers numbers.
const numOrNull = (value: string | null): number | null => (value === null ? null : Number(value));
const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** A conflict case as the API returns it. */
export interface CaseView {
  id: string;
  title: string;
  description: string | null;
  conflict_type: ConflictCasesRow["conflict_type"];
  severity: ConflictCasesRow["severity"];
  severity_score: number | null;
  status: ConflictCasesRow["status"];
  parties: Json;
  goals: Json;
  stakes: number;
  deadline_at: string | null;
  contested_resource: Json | null;
  root_cause: string | null;
  impact_analysis: Json;
  campaign_id: string | null;
  plan_id: string | null;
  registered_by: string | null;
  resolved_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Serialises a conflict_cases row. */
export function caseView(row: ConflictCasesRow): CaseView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    conflict_type: row.conflict_type,
    severity: row.severity,
    severity_score: numOrNull(row.severity_score),
    status: row.status,
    parties: row.parties,
    goals: row.goals,
    stakes: Number(row.stakes),
    deadline_at: iso(row.deadline_at),
    contested_resource: row.contested_resource,
    root_cause: row.root_cause,
    impact_analysis: row.impact_analysis,
    campaign_id: row.campaign_id,
    plan_id: row.plan_id,
    registered_by: row.registered_by,
    resolved_at: iso(row.resolved_at),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** A resolution proposal as the API returns it. */
export interface ProposalView {
  id: string;
  case_id: string;
  solution: string;
  rationale: string | null;
  winner_party: string | null;
  allocation_rule: ResolutionProposalsRow["allocation_rule"];
  party_outcomes: Json;
  resource_allocation: Json;
  fairness_score: number | null;
  status: ResolutionProposalsRow["status"];
  created_by: string | null;
  created_at: string;
}

/** Serialises a resolution_proposals row. */
export function proposalView(row: ResolutionProposalsRow): ProposalView {
  return {
    id: row.id,
    case_id: row.case_id,
    solution: row.solution,
    rationale: row.rationale,
    winner_party: row.winner_party,
    allocation_rule: row.allocation_rule,
    party_outcomes: row.party_outcomes,
    resource_allocation: row.resource_allocation,
    fairness_score: numOrNull(row.fairness_score),
    status: row.status,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
  };
}

/** An arbitration decision as the API returns it. */
export interface DecisionView {
  id: string;
  case_id: string;
  proposal_id: string | null;
  ruling: string;
  enforcement_strategy: Json;
  stakeholder_satisfaction: number | null;
  status: ArbitrationDecisionsRow["status"];
  decided_by: string | null;
  decided_at: string;
  appeal_deadline_at: string;
  created_at: string;
}

/** Serialises an arbitration_decisions row. */
export function decisionView(row: ArbitrationDecisionsRow): DecisionView {
  return {
    id: row.id,
    case_id: row.case_id,
    proposal_id: row.proposal_id,
    ruling: row.ruling,
    enforcement_strategy: row.enforcement_strategy,
    stakeholder_satisfaction: numOrNull(row.stakeholder_satisfaction),
    status: row.status,
    decided_by: row.decided_by,
    decided_at: row.decided_at.toISOString(),
    appeal_deadline_at: row.appeal_deadline_at.toISOString(),
    created_at: row.created_at.toISOString(),
  };
}

/** An appeal as the API returns it. */
export interface AppealView {
  id: string;
  decision_id: string;
  case_id: string;
  grounds: string;
  review_points: Json;
  status: AppealsRow["status"];
  outcome: string | null;
  filed_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

/** Serialises an appeals row. */
export function appealView(row: AppealsRow): AppealView {
  return {
    id: row.id,
    decision_id: row.decision_id,
    case_id: row.case_id,
    grounds: row.grounds,
    review_points: row.review_points,
    status: row.status,
    outcome: row.outcome,
    filed_by: row.filed_by,
    resolved_at: iso(row.resolved_at),
    created_at: row.created_at.toISOString(),
  };
}

/** A stored fairness report as the API returns it. */
export interface FairnessView {
  id: string;
  period_start: string;
  period_end: string;
  cases_count: number;
  average_fairness_score: number | null;
  satisfaction_average: number | null;
  appeal_rate: number | null;
  resolution_rate: number | null;
  bias_indicators: Json;
  report: Json;
  created_at: string;
}

/** Serialises a fairness_metrics row. */
export function fairnessView(row: FairnessMetricsRow): FairnessView {
  return {
    id: row.id,
    period_start: row.period_start.toISOString(),
    period_end: row.period_end.toISOString(),
    cases_count: row.cases_count,
    average_fairness_score: numOrNull(row.average_fairness_score),
    satisfaction_average: numOrNull(row.satisfaction_average),
    appeal_rate: numOrNull(row.appeal_rate),
    resolution_rate: numOrNull(row.resolution_rate),
    bias_indicators: row.bias_indicators,
    report: row.report,
    created_at: row.created_at.toISOString(),
  };
}
