import * as v from "valibot";
import { csvPicklist, cursorMatchesSort, listQueryEntries } from "../../shared/db/pagination.ts";
import { columnValues } from "../../shared/db/rows.generated.ts";
import { CAMPAIGN_LIFECYCLE_STATUSES, CAMPAIGN_STATUSES } from "../../shared/domain/campaigns/index.ts";
import {
  boundsInOrder,
  decimal,
  idParam,
  isoDate,
  labels,
  MAX_NAME,
  name,
  notEmpty,
  oneOf,
  strictBody,
  strictQuery,
  text,
  uuid,
} from "../../shared/http/fields.ts";

/** Most cohorts one campaign may target. */
export const MAX_TARGET_COHORTS = 50;
/** Most KPI entries one campaign may carry. */
export const MAX_KPIS = 50;
/** Largest budget numeric(14,2) holds. */
export const MAX_BUDGET = 999_999_999_999.99;

export const OBJECTIVE_TYPES = columnValues.campaigns.objective_type;
export const COHORT_PRIORITIES = columnValues.campaign_cohorts.priority;

/** `:campaignId` in the path. */
export const CampaignParam = idParam("campaignId");

const TargetCohort = strictBody({
  cohort_id: uuid("cohort_id"),
  is_primary: v.optional(v.boolean("is_primary must be a boolean")),
  priority: v.optional(oneOf(COHORT_PRIORITIES, "priority")),
});

/** The cohorts a campaign targets: distinct, at most one primary. Replaces the whole set on update. */
const TargetCohorts = v.pipe(
  v.array(TargetCohort, "target_cohorts must be an array"),
  v.maxLength(MAX_TARGET_COHORTS, `target_cohorts may hold at most ${MAX_TARGET_COHORTS} cohorts`),
  v.check(
    (cohorts) => new Set(cohorts.map((cohort) => cohort.cohort_id.toLowerCase())).size === cohorts.length,
    "target_cohorts must not name a cohort twice",
  ),
  v.check(
    (cohorts) => cohorts.filter((cohort) => cohort.is_primary).length <= 1,
    "target_cohorts may mark at most one cohort as primary",
  ),
);

/** A positioning created together with the campaign. */
const NewPositioning = strictBody({
  name: name("positioning.name"),
  statement: name("positioning.statement", 5000),
  target_audience: v.optional(text("positioning.target_audience", 1000)),
  market_category: v.optional(text("positioning.market_category", MAX_NAME)),
  differentiators: v.optional(labels("positioning.differentiators", 20)),
  proof_points: v.optional(labels("positioning.proof_points", 20)),
});

const Kpis = v.pipe(
  v.record(
    v.pipe(
      v.string(),
      v.regex(/^[a-z][a-z0-9_]{0,63}$/, "kpis keys must be snake_case names of at most 64 characters"),
    ),
    decimal("kpis values", { min: -1e15, max: 1e15, decimals: 4 }),
    "kpis must be an object of named numeric targets",
  ),
  v.check((kpis) => Object.keys(kpis).length <= MAX_KPIS, `kpis may hold at most ${MAX_KPIS} entries`),
);

const editable = {
  description: v.optional(text("description")),
  objective_type: oneOf(OBJECTIVE_TYPES, "objective_type"),
  positioning_id: v.optional(v.nullable(uuid("positioning_id"))),
  target_cohorts: v.optional(TargetCohorts),
  budget: v.optional(v.nullable(decimal("budget", { min: 0, max: MAX_BUDGET, decimals: 2 }))),
  currency: v.optional(
    v.pipe(
      v.string("currency must be a string"),
      v.regex(/^[A-Z]{3}$/, "currency must be an ISO 4217 code such as USD"),
    ),
  ),
  start_date: v.optional(v.nullable(isoDate("start_date"))),
  end_date: v.optional(v.nullable(isoDate("end_date"))),
  kpis: v.optional(Kpis),
  owner_id: v.optional(v.nullable(uuid("owner_id"))),
};

/** POST /campaigns: a campaign on an existing positioning (`positioning_id`) or a new one (`positioning`). */
export const CreateCampaignBody = v.pipe(
  strictBody({ ...editable, name: name("name"), positioning: v.optional(NewPositioning) }),
  boundsInOrder("start_date", "end_date"),
  v.forward(
    v.check(
      (input) => !(input.positioning && input.positioning_id),
      "give either positioning_id or positioning, not both",
    ),
    ["positioning"],
  ),
);
export type CreateCampaignInput = v.InferOutput<typeof CreateCampaignBody>;

/** PATCH /campaigns/:id: any editable field; status changes go through transitions. */
export const UpdateCampaignBody = v.pipe(
  strictBody({ ...editable, name: v.optional(name("name")), objective_type: v.optional(editable.objective_type) }),
  notEmpty(),
  boundsInOrder("start_date", "end_date"),
);
export type UpdateCampaignInput = v.InferOutput<typeof UpdateCampaignBody>;

/** POST /campaigns/:id/transitions. Archiving is its own endpoint, so `archived` is not a target here. */
export const TransitionBody = strictBody({
  to: v.picklist(
    CAMPAIGN_LIFECYCLE_STATUSES,
    `to must be one of ${CAMPAIGN_LIFECYCLE_STATUSES.join(", ")} (archive with POST …/archive)`,
  ),
});

/** GET /campaigns: filters, sort and cursor. Archived campaigns are listed only when `status` asks for them. */
export const ListCampaignsQuery = v.pipe(
  strictQuery({
    ...listQueryEntries({ sortable: ["created_at", "updated_at", "name"], defaultSort: "-created_at" }),
    status: v.optional(csvPicklist(CAMPAIGN_STATUSES, "status")),
    objective_type: v.optional(csvPicklist(OBJECTIVE_TYPES, "objective_type")),
    q: v.optional(
      v.pipe(
        v.string(),
        v.trim(),
        v.minLength(1, "q must not be empty"),
        v.maxLength(MAX_NAME, `q must be at most ${MAX_NAME} characters`),
      ),
    ),
    date_from: v.optional(isoDate("date_from")),
    date_to: v.optional(isoDate("date_to")),
  }),
  cursorMatchesSort(),
  boundsInOrder("date_from", "date_to"),
);
export type ListCampaignsInput = v.InferOutput<typeof ListCampaignsQuery>;
