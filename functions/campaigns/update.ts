import type { Tx } from "../../shared/db/database.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { inOrder } from "../../shared/http/fields.ts";
import { changedFields, type Emit } from "../../shared/http/request-scope.ts";
import { dateOnly } from "../../shared/http/responses.ts";
import { assertWritable } from "./parent.ts";
import type { UpdateCampaignInput } from "./schemas.ts";
import { assertCampaignReferences, findCampaign, replaceTargetCohorts, updateCampaign } from "./store.ts";

/**
 * Applies a PATCH to a campaign locked for update: archived campaigns refuse it (409), the merged
 * dates must stay in order (400), and the `campaign.updated` event lists the fields changed.
 * Returns undefined when the campaign is not in the workspace.
 */
export async function patchCampaign(
  tx: Tx,
  emit: Emit,
  workspaceId: string,
  campaignId: string,
  input: UpdateCampaignInput,
) {
  const current = await findCampaign(tx, workspaceId, campaignId, true);
  if (!current) return undefined;
  assertWritable(current);
  const start = input.start_date === undefined ? dateOnly(current.start_date) : input.start_date;
  const end = input.end_date === undefined ? dateOnly(current.end_date) : input.end_date;
  if (!inOrder(start, end)) {
    const field = input.end_date === undefined ? "start_date" : "end_date";
    throw ApiError.validation([
      { field, location: "json", message: `end_date (${end}) must not be before start_date (${start})` },
    ]);
  }
  await assertCampaignReferences(tx, workspaceId, {
    positioningId: input.positioning_id,
    cohorts: input.target_cohorts,
    ownerId: input.owner_id,
  });
  const updated = await updateCampaign(tx, workspaceId, campaignId, input);
  if (input.target_cohorts) await replaceTargetCohorts(tx, workspaceId, campaignId, input.target_cohorts);
  await emit("campaign.updated", {
    campaign_id: campaignId,
    changed: changedFields(input),
  });
  return updated;
}
