import type { Tx } from "../../../shared/db/database.ts";
import type { Json } from "../../../shared/db/rows.generated.ts";
import type { InitiativeStatus } from "../../../shared/domain/architect/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";

/** A phase of an initiative as the API returns it. */
export interface InitiativePhaseView {
  id: string;
  position: number;
  name: string;
  description: string | null;
  status: string;
  start_date: string | null;
  end_date: string | null;
  deliverables: Json;
}

/** An initiative as the API returns it: dates as YYYY-MM-DD, money as a number. */
export interface InitiativeView {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  status: InitiativeStatus;
  priority: string;
  objectives: Json;
  resource_needs: Json;
  timeline: Json;
  estimated_budget: number | null;
  start_date: string | null;
  target_date: string | null;
  campaign_id: string | null;
  proposed_by: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** An initiative with its ordered phases. */
export interface InitiativeDetail extends InitiativeView {
  phases: InitiativePhaseView[];
}

/** The initiative columns in their API form, for `select ${initiativeColumns(tx)} from public.initiatives i`. */
export function initiativeColumns(tx: Tx) {
  return tx`i.id, i.workspace_id, i.name, i.description, i.status, i.priority, i.objectives, i.resource_needs,
            i.timeline, i.estimated_budget::float8 as estimated_budget, i.start_date::text as start_date,
            i.target_date::text as target_date, i.campaign_id, i.proposed_by, i.approved_by, i.approved_at,
            i.created_at, i.updated_at`;
}

/** One initiative of the workspace with its phases; `lock` takes it `for update` for a status change. */
export async function loadInitiative(
  tx: Tx,
  workspaceId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<InitiativeDetail> {
  const [initiative] = await tx<InitiativeView[]>`
    select ${initiativeColumns(tx)} from public.initiatives i
    where i.workspace_id = ${workspaceId} and i.id = ${id}
    ${options.lock ? tx`for update` : tx``}`;
  if (!initiative) throw ApiError.notFound(`Initiative ${id} not found in this workspace`, "INITIATIVE_NOT_FOUND");
  const phases = await tx<InitiativePhaseView[]>`
    select id, position, name, description, status, start_date::text as start_date, end_date::text as end_date,
           deliverables
    from public.initiative_phases
    where workspace_id = ${workspaceId} and initiative_id = ${id}
    order by position`;
  return { ...initiative, phases };
}
