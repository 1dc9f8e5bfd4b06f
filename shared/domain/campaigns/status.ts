import { DomainInputError, InvalidTransitionError } from "../errors.ts";

/** Every status a campaign can hold, as the campaigns table constrains it. */
export const CAMPAIGN_STATUSES = ["planning", "approved", "active", "paused", "completed", "archived"] as const;
/** One of CAMPAIGN_STATUSES. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The lifecycle a client drives through transitions; archiving is a separate, final step. */
export const CAMPAIGN_LIFECYCLE_STATUSES = ["planning", "approved", "active", "paused", "completed"] as const;
/** One of CAMPAIGN_LIFECYCLE_STATUSES. */
export type CampaignLifecycleStatus = (typeof CAMPAIGN_LIFECYCLE_STATUSES)[number];

/**
 * Allowed moves: planning → approved → active ⇄ paused → completed. A running campaign may finish
 * straight from active. Archiving is allowed from every state except active, so a campaign that
 * is spending must be paused or completed first; archived is terminal and read-only.
 */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  planning: ["approved", "archived"],
  approved: ["active", "archived"],
  active: ["paused", "completed"],
  paused: ["active", "completed", "archived"],
  completed: ["archived"],
  archived: [],
};

/** True when `value` is one of CAMPAIGN_STATUSES. */
export function isCampaignStatus(value: unknown): value is CampaignStatus {
  return typeof value === "string" && (CAMPAIGN_STATUSES as readonly string[]).includes(value);
}

/** The states a campaign in `from` may move to next. */
export function nextCampaignStatuses(from: CampaignStatus): readonly CampaignStatus[] {
  return CAMPAIGN_TRANSITIONS[from] ?? [];
}

/** Whether `from` → `to` is an allowed move. */
export function canTransitionCampaign(from: CampaignStatus, to: CampaignStatus): boolean {
  return nextCampaignStatuses(from).includes(to);
}

/** Whether a campaign in `status` accepts edits to itself and its moves, quests and achievements. */
export function isCampaignWritable(status: CampaignStatus): boolean {
  return status !== "archived";
}

/**
 * Throws InvalidTransitionError (naming the allowed next states, field `to`) unless `from` → `to`
 * is allowed; DomainInputError when either is not a campaign status at all.
 */
export function assertCampaignTransition(from: CampaignStatus, to: CampaignStatus): void {
  for (const [field, status] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (!isCampaignStatus(status)) {
      throw new DomainInputError(field, `must be one of ${CAMPAIGN_STATUSES.join(", ")}, got ${String(status)}`);
    }
  }
  if (!canTransitionCampaign(from, to)) throw new InvalidTransitionError("to", from, to, nextCampaignStatuses(from));
}
