import type { Tx } from "../../shared/db/database.ts";
import { type CampaignStatus, isCampaignWritable } from "../../shared/domain/campaigns/index.ts";
import { ApiError } from "../../shared/http/api-error.ts";

/** The part of a campaign its children (moves, achievements, quests) care about. */
export interface ParentCampaign {
  id: string;
  status: CampaignStatus;
}

/** Reads a campaign `for share`, so it cannot be archived until the child write commits. */
export async function lockParentCampaign(tx: Tx, workspaceId: string, campaignId: string) {
  const [campaign] = await tx<ParentCampaign[]>`
    select id, status from public.campaigns
    where workspace_id = ${workspaceId} and id = ${campaignId}
    for share`;
  return campaign;
}

/**
 * The campaign a new child (move, achievement, quest) hangs from, locked and writable. A campaign
 * of another workspace is indistinguishable from a missing one: both are an unknown reference
 * (422) naming the body field that pointed at it.
 */
export async function campaignForChildWrite(tx: Tx, workspaceId: string, campaignId: string, field: string) {
  const campaign = await lockParentCampaign(tx, workspaceId, campaignId);
  if (!campaign) throw unknownReference(field, "campaign");
  assertWritable(campaign);
  return campaign;
}

/** Locks the campaign an existing child belongs to and refuses the write if it is archived. */
export async function assertParentWritable(tx: Tx, workspaceId: string, campaignId: string | null): Promise<void> {
  if (!campaignId) return;
  const campaign = await lockParentCampaign(tx, workspaceId, campaignId);
  if (campaign) assertWritable(campaign);
}

/** Refuses changes under an archived campaign: archived campaigns are read-only history. */
export function assertWritable(campaign: ParentCampaign): void {
  if (!isCampaignWritable(campaign.status)) {
    throw ApiError.conflict(
      "The campaign is archived; it and everything under it are read-only",
      [{ field: "campaign_id", message: "campaign is archived" }],
      "CAMPAIGN_ARCHIVED",
    );
  }
}

/** A body field naming something that does not exist in this workspace (wherever else it might). */
export function unknownReference(field: string, what: string, where = "in this workspace"): ApiError {
  return ApiError.unprocessable(
    `${field} does not name a ${what} ${where}`,
    [{ field, message: `no such ${what} ${where}` }],
    "UNKNOWN_REFERENCE",
  );
}
