import * as v from "valibot";
import {
  decimal,
  labels,
  name,
  oneOf,
  strictBody,
  text,
  timestamp,
  uuid,
} from "../../../functions/campaigns/fields.ts";
import { columnValues } from "../../../shared/db/rows.generated.ts";
import { ALLOCATION_RULES, CONFLICT_SEVERITIES, CONFLICT_TYPES } from "../../../shared/domain/arbiter/index.ts";
import { PRIORITY_LEVELS, RESOURCE_TYPES } from "../../../shared/domain/strategos/index.ts";
import { listQuerySchema } from "../strategos/list-query.ts";
import { GUILD_SLUGS, MAX_QUANTITY } from "../strategos/schemas.ts";

/** Largest stakes numeric(14,2) holds. */
export const MAX_STAKES = 999_999_999_999.99;
/** Most parties one conflict may have. */
export const MAX_PARTIES = 20;

const party = (field: string) =>
  v.pipe(
    v.string(`${field} must be a string`),
    v.trim(),
    v.minLength(1, `${field} must not be empty`),
    v.maxLength(100, `${field} must be at most 100 characters`),
  );

const distinct = (values: string[]) => new Set(values).size === values.length;

const Claim = strictBody({
  party: party("party"),
  demand: decimal("demand", { min: 0.0001, max: MAX_QUANTITY, decimals: 4 }),
  priority: v.optional(oneOf(PRIORITY_LEVELS, "priority")),
  weight: v.optional(decimal("weight", { min: 0.01, max: 1000, decimals: 2 })),
  guild: v.optional(oneOf(GUILD_SLUGS, "guild")),
  plan_id: v.optional(uuid("plan_id")),
  task_id: v.optional(uuid("task_id")),
});
/** One party's claim on a contested resource, validated. */
export type ClaimInput = v.InferOutput<typeof Claim>;

/** The resource a resource-allocation conflict is about and each party's claim on it. */
const ContestedResource = strictBody({
  resource_type: oneOf(RESOURCE_TYPES, "resource_type"),
  unit: name("unit", 50),
  /** Whose grant is contested: one guild's, or (absent) the workspace's whole pool of the type. */
  guild: v.optional(oneOf(GUILD_SLUGS, "guild")),
  /** The contested quantity; absent, what the pool has free plus what the claimants hold. */
  capacity: v.optional(decimal("capacity", { min: 0, max: MAX_QUANTITY, decimals: 4 })),
  claims: v.pipe(
    v.array(Claim, "claims must be an array"),
    v.minLength(2, "claims must hold a claim for each party"),
    v.maxLength(MAX_PARTIES),
  ),
});

/** The body of `POST /conflict/register`. */
export const RegisterConflictInput = v.pipe(
  strictBody({
    title: name("title", 300),
    description: v.optional(text("description")),
    conflict_type: oneOf(CONFLICT_TYPES, "conflict_type"),
    parties: v.pipe(
      v.array(party("parties entries"), "parties must be an array"),
      v.minLength(2, "parties must name at least 2 parties"),
      v.maxLength(MAX_PARTIES, `parties may name at most ${MAX_PARTIES} parties`),
      v.check<string[], string>(distinct, "parties must not name a party twice"),
    ),
    goals: v.optional(labels("goals", 50)),
    stakes: v.optional(decimal("stakes", { min: 0, max: MAX_STAKES, decimals: 2 })),
    deadline: v.optional(timestamp("deadline")),
    campaign_id: v.optional(uuid("campaign_id")),
    plan_id: v.optional(uuid("plan_id")),
    resource: v.optional(ContestedResource),
  }),
  v.forward(
    v.check(
      (input) => (input.conflict_type === "resource_allocation") === (input.resource !== undefined),
      "resource is required for resource_allocation conflicts and only allowed for them",
    ),
    ["resource"],
  ),
);
/** Validated `register_conflict` input. */
export type RegisterConflictInput = v.InferOutput<typeof RegisterConflictInput>;

/** The body of `POST /analysis/analyze`. */
export const AnalyzeConflictInput = strictBody({ case_id: uuid("case_id") });

const Outcome = strictBody({
  party: party("party"),
  satisfaction: decimal("satisfaction", { min: 0, max: 1, decimals: 4 }),
});

/** The body of `POST /resolution/propose`. */
export const ProposeResolutionInput = strictBody({
  case_id: uuid("case_id"),
  /** Fairness rule for splitting a contested resource (resource conflicts; default weighted max-min). */
  rule: v.optional(oneOf(ALLOCATION_RULES, "rule")),
  solution: v.optional(name("solution", 5000)),
  rationale: v.optional(text("rationale")),
  winner_party: v.optional(party("winner_party")),
  /** How satisfied each party would be (0–1), for conflicts that split no resource. */
  outcomes: v.optional(v.pipe(v.array(Outcome, "outcomes must be an array"), v.minLength(2), v.maxLength(MAX_PARTIES))),
});
/** Validated `propose_resolution` input. */
export type ProposeResolutionInput = v.InferOutput<typeof ProposeResolutionInput>;

/** The body of `POST /decision/make`. */
export const MakeDecisionInput = strictBody({
  proposal_id: uuid("proposal_id"),
  ruling: v.optional(name("ruling", 5000)),
});

/** The body of `POST /appeals/handle`. */
export const HandleAppealInput = strictBody({
  decision_id: uuid("decision_id"),
  grounds: name("grounds", 5000),
  party: v.optional(party("party")),
  review_points: v.optional(labels("review_points", 20)),
});
/** Validated `handle_appeal` input. */
export type HandleAppealInput = v.InferOutput<typeof HandleAppealInput>;

/** The body of `POST /fairness/report`. */
export const FairnessReportInput = v.pipe(
  strictBody({
    period_start: v.optional(timestamp("period_start")),
    period_end: v.optional(timestamp("period_end")),
  }),
  v.forward(
    v.check(
      (input) =>
        !input.period_start || !input.period_end || Date.parse(input.period_end) > Date.parse(input.period_start),
      "period_end must be after period_start",
    ),
    ["period_end"],
  ),
);

/** `GET /cases`. */
export const ListCasesInput = listQuerySchema(["created_at", "title"], "-created_at", {
  status: v.optional(oneOf(columnValues.conflict_cases.status, "status")),
  severity: v.optional(oneOf(CONFLICT_SEVERITIES, "severity")),
  conflict_type: v.optional(oneOf(CONFLICT_TYPES, "conflict_type")),
});
/** `GET /cases/:case_id`. */
export const GetCaseInput = strictBody({ case_id: uuid("case_id") });

/** `GET /proposals`. */
export const ListProposalsInput = listQuerySchema(["created_at"], "-created_at", {
  case_id: v.optional(uuid("case_id")),
  status: v.optional(oneOf(columnValues.resolution_proposals.status, "status")),
});

/** `GET /decisions`. */
export const ListDecisionsInput = listQuerySchema(["created_at", "decided_at"], "-decided_at", {
  case_id: v.optional(uuid("case_id")),
  status: v.optional(oneOf(columnValues.arbitration_decisions.status, "status")),
});
/** `GET /decisions/:decision_id`. */
export const GetDecisionInput = strictBody({ decision_id: uuid("decision_id") });

/** `GET /appeals`. */
export const ListAppealsInput = listQuerySchema(["created_at"], "-created_at", {
  decision_id: v.optional(uuid("decision_id")),
  case_id: v.optional(uuid("case_id")),
  status: v.optional(oneOf(columnValues.appeals.status, "status")),
});
