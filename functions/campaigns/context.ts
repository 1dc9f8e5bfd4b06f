import type { Tx } from "../../shared/db/database.ts";
import type {
  CampaignCohortsPriority,
  CampaignsRow,
  CohortsRow,
  MessageArchitecturesRow,
  PositioningsRow,
  QuestsRow,
  WarBriefsRow,
} from "../../shared/db/rows.generated.ts";
import { toWire } from "../../shared/http/responses.ts";
import { toQuest } from "../quests/serialize.ts";
import { type CampaignDetail, toCampaign, toTargetCohort } from "./serialize.ts";

/** Most quests and war briefs the detail embeds; their own endpoints page through the rest. */
export const CONTEXT_LIMIT = 50;

/**
 * Everything a campaign runs on (positioning, message architecture, target cohorts) and has
 * produced (quests, war briefs), read in the caller's transaction so RLS applies to each part.
 */
export async function loadCampaignDetail(tx: Tx, campaign: CampaignsRow): Promise<CampaignDetail> {
  const workspaceId = campaign.workspace_id;
  const [positionings, architectures, cohorts, quests, briefs] = await Promise.all([
    campaign.positioning_id
      ? tx<PositioningsRow[]>`
          select * from public.positionings
          where workspace_id = ${workspaceId} and id = ${campaign.positioning_id}`
      : Promise.resolve([]),
    tx<MessageArchitecturesRow[]>`
      select * from public.message_architectures
      where workspace_id = ${workspaceId} and status <> 'archived'
        and (campaign_id = ${campaign.id} or (campaign_id is null and positioning_id = ${campaign.positioning_id}))
      order by (campaign_id is null), created_at, id`,
    tx<(CohortsRow & { is_primary: boolean; priority: CampaignCohortsPriority })[]>`
      select c.*, cc.is_primary, cc.priority
      from public.campaign_cohorts cc
      join public.cohorts c on c.workspace_id = cc.workspace_id and c.id = cc.cohort_id
      where cc.workspace_id = ${workspaceId} and cc.campaign_id = ${campaign.id}
      order by cc.is_primary desc, cc.created_at, c.name`,
    tx<QuestsRow[]>`
      select * from public.quests
      where workspace_id = ${workspaceId} and campaign_id = ${campaign.id}
      order by created_at desc, id desc
      limit ${CONTEXT_LIMIT}`,
    tx<WarBriefsRow[]>`
      select * from public.war_briefs
      where workspace_id = ${workspaceId} and campaign_id = ${campaign.id}
      order by created_at desc, id desc
      limit ${CONTEXT_LIMIT}`,
  ]);
  const positioning = positionings[0];
  return {
    ...toCampaign(campaign),
    positioning: positioning ? toWire(positioning) : null,
    message_architectures: architectures.map(toWire),
    target_cohorts: cohorts.map(toTargetCohort),
    quests: quests.map(toQuest),
    war_briefs: briefs.map(toWire),
  };
}
