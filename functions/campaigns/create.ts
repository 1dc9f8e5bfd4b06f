import type { Tx } from "../../shared/db/database.ts";
import type { Emit } from "../../shared/http/request-scope.ts";
import type { CreateCampaignInput } from "./schemas.ts";
import { assertCampaignReferences, insertCampaign, insertPositioning, replaceTargetCohorts } from "./store.ts";

/**
 * Creates a campaign in `planning`: on an existing positioning or a new one, with its target
 * cohorts, in one transaction with its `campaign.created` event.
 */
export async function createCampaign(
  tx: Tx,
  emit: Emit,
  scope: { workspaceId: string; actorId: string },
  input: CreateCampaignInput,
) {
  await assertCampaignReferences(tx, scope.workspaceId, {
    positioningId: input.positioning_id,
    cohorts: input.target_cohorts,
    ownerId: input.owner_id,
  });
  const positioning = input.positioning
    ? await insertPositioning(tx, scope.workspaceId, scope.actorId, input.positioning)
    : undefined;
  const campaign = await insertCampaign(
    tx,
    scope.workspaceId,
    scope.actorId,
    input,
    positioning?.id ?? input.positioning_id ?? null,
  );
  if (input.target_cohorts) await replaceTargetCohorts(tx, scope.workspaceId, campaign.id, input.target_cohorts);
  await emit("campaign.created", {
    campaign_id: campaign.id,
    name: campaign.name,
    objective_type: campaign.objective_type,
    status: campaign.status,
    positioning_id: campaign.positioning_id,
    positioning_created: positioning !== undefined,
    target_cohort_ids: input.target_cohorts?.map((cohort) => cohort.cohort_id) ?? [],
  });
  return campaign;
}
