import type { Tx } from "../../shared/db/database.ts";
import { assertCampaignTransition, type CampaignStatus } from "../../shared/domain/campaigns/index.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import type { Emit } from "../../shared/http/request-scope.ts";
import { findCampaign, setCampaignStatus } from "./store.ts";

/**
 * Moves a campaign (locked for update, so two transitions cannot both start from the same state)
 * to `to`, or throws InvalidTransitionError, which answers 409 naming the allowed next states.
 * Archiving emits `campaign.archived`; every other move `campaign.status_changed`.
 * Returns undefined when the campaign is not in the workspace.
 */
export async function transitionCampaign(
  tx: Tx,
  emit: Emit,
  workspaceId: string,
  campaignId: string,
  to: CampaignStatus,
) {
  const current = await findCampaign(tx, workspaceId, campaignId, true);
  if (!current) return undefined;
  if (to === "archived" && current.status === "archived") {
    throw ApiError.conflict(
      "The campaign is already archived",
      [{ field: "status", message: "already archived" }],
      "CAMPAIGN_ARCHIVED",
    );
  }
  assertCampaignTransition(current.status, to);
  const updated = await setCampaignStatus(tx, workspaceId, campaignId, to);
  if (to === "archived") {
    await emit("campaign.archived", { campaign_id: campaignId, from: current.status });
  } else {
    await emit("campaign.status_changed", { campaign_id: campaignId, from: current.status, to });
  }
  return updated;
}
