import type {
  CampaignCohortsPriority,
  CampaignsRow,
  CohortsRow,
  MessageArchitecturesRow,
  PositioningsRow,
  WarBriefsRow,
} from "../../shared/db/rows.generated.ts";
import { type CampaignStatus, nextCampaignStatuses } from "../../shared/domain/campaigns/index.ts";
import { dateOnly, numeric, toWire, type Wire } from "../../shared/http/responses.ts";
import type { Quest } from "../quests/serialize.ts";

/** A campaign as lists and writes return it. */
export type Campaign = Omit<Wire<CampaignsRow>, "budget" | "start_date" | "end_date"> & {
  budget: number | null;
  /** `YYYY-MM-DD`. */
  start_date: string | null;
  end_date: string | null;
  /** Where POST …/transitions (or …/archive) may take it next. */
  next_statuses: readonly CampaignStatus[];
};

/** A cohort the campaign targets, with how it targets it. */
export type TargetCohort = Omit<Wire<CohortsRow>, "size_estimate"> & {
  size_estimate: number | null;
  is_primary: boolean;
  priority: CampaignCohortsPriority;
};

/** GET /campaigns/:id: the campaign with everything it runs on and has produced. */
export type CampaignDetail = Campaign & {
  positioning: Wire<PositioningsRow> | null;
  /** The campaign's own message architectures, then its positioning's shared ones; archived ones left out. */
  message_architectures: Wire<MessageArchitecturesRow>[];
  target_cohorts: TargetCohort[];
  /** Its quests, newest first (at most CONTEXT_LIMIT; GET /quests?campaign_id= pages through all). */
  quests: Quest[];
  /** Its war briefs, newest first (at most CONTEXT_LIMIT). */
  war_briefs: Wire<WarBriefsRow>[];
};

/** A campaigns row as the API returns it. */
export function toCampaign(row: CampaignsRow): Campaign {
  return {
    ...toWire(row),
    budget: numeric(row.budget),
    start_date: dateOnly(row.start_date),
    end_date: dateOnly(row.end_date),
    next_statuses: nextCampaignStatuses(row.status),
  };
}

/** A cohorts row joined with its campaign_cohorts link. */
export function toTargetCohort(
  row: CohortsRow & { is_primary: boolean; priority: CampaignCohortsPriority },
): TargetCohort {
  return { ...toWire(row), size_estimate: numeric(row.size_estimate) };
}
