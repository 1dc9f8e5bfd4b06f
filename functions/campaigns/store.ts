import type postgres from "postgres";
import type { Tx } from "../../shared/db/database.ts";
import type { CampaignsRow, PositioningsRow } from "../../shared/db/rows.generated.ts";
import type { CampaignStatus } from "../../shared/domain/campaigns/index.ts";
import { unknownReference } from "./parent.ts";
import type { CreateCampaignInput, UpdateCampaignInput } from "./schemas.ts";

type Cohorts = NonNullable<CreateCampaignInput["target_cohorts"]>;
type NewPositioning = NonNullable<CreateCampaignInput["positioning"]>;
type Value = postgres.ParameterOrJSON<never>;

/** Drops keys whose value is undefined: postgres.js refuses them, and absent means "leave as is". */
export function defined(record: Record<string, Value | undefined>): Record<string, Value> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Record<string, Value>;
}

/** One campaign of the workspace, optionally locked for a read-modify-write. */
export async function findCampaign(
  tx: Tx,
  workspaceId: string,
  campaignId: string,
  lock = false,
): Promise<CampaignsRow | undefined> {
  const [row] = await tx<CampaignsRow[]>`
    select * from public.campaigns
    where workspace_id = ${workspaceId} and id = ${campaignId}
    ${lock ? tx`for update` : tx``}`;
  return row;
}

/**
 * Checks that every id the body refers to exists in this workspace. Another workspace's ids get
 * the same answer as ids that exist nowhere, so nothing about other tenants leaks.
 */
export async function assertCampaignReferences(
  tx: Tx,
  workspaceId: string,
  refs: { positioningId?: string | null; cohorts?: Cohorts; ownerId?: string | null },
): Promise<void> {
  if (refs.positioningId) {
    const [found] = await tx`
      select 1 from public.positionings where workspace_id = ${workspaceId} and id = ${refs.positioningId}`;
    if (!found) throw unknownReference("positioning_id", "positioning");
  }
  if (refs.cohorts && refs.cohorts.length > 0) {
    const ids = refs.cohorts.map((cohort) => cohort.cohort_id.toLowerCase());
    const rows = await tx<{ id: string }[]>`
      select id from public.cohorts where workspace_id = ${workspaceId} and id in ${tx(ids)}`;
    const known = new Set(rows.map((row) => row.id));
    const missing = ids.findIndex((id) => !known.has(id));
    if (missing >= 0) throw unknownReference(`target_cohorts.${missing}.cohort_id`, "cohort");
  }
  if (refs.ownerId) {
    const [found] = await tx`
      select 1 from public.workspace_members where workspace_id = ${workspaceId} and user_id = ${refs.ownerId}`;
    if (!found) throw unknownReference("owner_id", "workspace member");
  }
}

/** Creates the positioning a new campaign brings with it. */
export async function insertPositioning(
  tx: Tx,
  workspaceId: string,
  actorId: string,
  positioning: NewPositioning,
): Promise<PositioningsRow> {
  const [row] = await tx<PositioningsRow[]>`
    insert into public.positionings ${tx(
      defined({
        workspace_id: workspaceId,
        name: positioning.name,
        statement: positioning.statement,
        target_audience: positioning.target_audience,
        market_category: positioning.market_category,
        differentiators: tx.json(positioning.differentiators ?? []),
        proof_points: tx.json(positioning.proof_points ?? []),
        created_by: actorId,
      }),
    )}
    returning *`;
  if (!row) throw new Error("positionings insert returned no row");
  return row;
}

/** The campaign columns a create or update sets, from the validated body. */
function campaignColumns(tx: Tx, input: CreateCampaignInput | UpdateCampaignInput) {
  return defined({
    name: input.name,
    description: input.description,
    objective_type: input.objective_type,
    positioning_id: input.positioning_id,
    budget: input.budget,
    currency: input.currency,
    start_date: input.start_date,
    end_date: input.end_date,
    kpis: input.kpis === undefined ? undefined : tx.json(input.kpis),
    owner_id: input.owner_id,
  });
}

/** Inserts a campaign in `planning`. */
export async function insertCampaign(
  tx: Tx,
  workspaceId: string,
  actorId: string,
  input: CreateCampaignInput,
  positioningId: string | null,
): Promise<CampaignsRow> {
  const columns = {
    ...campaignColumns(tx, input),
    workspace_id: workspaceId,
    positioning_id: positioningId,
    owner_id: input.owner_id === undefined ? actorId : input.owner_id,
    created_by: actorId,
  };
  const [row] = await tx<CampaignsRow[]>`insert into public.campaigns ${tx(columns)} returning *`;
  if (!row) throw new Error("campaigns insert returned no row");
  return row;
}

/** Applies the changed columns of a PATCH; returns the updated row. */
export async function updateCampaign(
  tx: Tx,
  workspaceId: string,
  campaignId: string,
  input: UpdateCampaignInput,
): Promise<CampaignsRow> {
  const columns = campaignColumns(tx, input);
  // A PATCH that only replaces target cohorts still touches updated_at.
  const set = Object.keys(columns).length > 0 ? tx(columns) : tx`updated_at = now()`;
  const [row] = await tx<CampaignsRow[]>`
    update public.campaigns set ${set}
    where workspace_id = ${workspaceId} and id = ${campaignId}
    returning *`;
  if (!row) throw new Error("campaigns update matched no row");
  return row;
}

/** Moves a campaign to `status`; the caller has checked the transition. */
export async function setCampaignStatus(
  tx: Tx,
  workspaceId: string,
  campaignId: string,
  status: CampaignStatus,
): Promise<CampaignsRow> {
  const [row] = await tx<CampaignsRow[]>`
    update public.campaigns set status = ${status}
    where workspace_id = ${workspaceId} and id = ${campaignId}
    returning *`;
  if (!row) throw new Error("campaigns update matched no row");
  return row;
}

/** Replaces the set of cohorts a campaign targets. */
export async function replaceTargetCohorts(
  tx: Tx,
  workspaceId: string,
  campaignId: string,
  cohorts: Cohorts,
): Promise<void> {
  await tx`delete from public.campaign_cohorts where workspace_id = ${workspaceId} and campaign_id = ${campaignId}`;
  if (cohorts.length === 0) return;
  const rows = cohorts.map((cohort) => ({
    workspace_id: workspaceId,
    campaign_id: campaignId,
    cohort_id: cohort.cohort_id,
    is_primary: cohort.is_primary ?? false,
    priority: cohort.priority ?? "medium",
  }));
  await tx`insert into public.campaign_cohorts ${tx(rows)}`;
}
