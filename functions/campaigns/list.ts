import type { Tx } from "../../shared/db/database.ts";
import { listPage, oneOf, type Page } from "../../shared/db/pagination.ts";
import type { CampaignsRow } from "../../shared/db/rows.generated.ts";
import type { ListCampaignsInput } from "./schemas.ts";

/** Escapes `%`, `_` and `\` so a search term matches literally inside `ilike`. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * One page of the workspace's campaigns. Without a status filter archived campaigns are left
 * out; a date range keeps campaigns whose [start_date, end_date] overlaps it (open ends overlap).
 */
export function listCampaigns(tx: Tx, workspaceId: string, query: ListCampaignsInput): Promise<Page<CampaignsRow>> {
  return listPage<CampaignsRow>(tx, {
    table: "public.campaigns",
    where: [
      tx`workspace_id = ${workspaceId}`,
      query.status ? oneOf(tx, "status", query.status) : tx`status <> 'archived'`,
      oneOf(tx, "objective_type", query.objective_type),
      query.q ? tx`name ilike ${likePattern(query.q)}` : undefined,
      query.date_from ? tx`(end_date is null or end_date >= ${query.date_from})` : undefined,
      query.date_to ? tx`(start_date is null or start_date <= ${query.date_to})` : undefined,
    ],
    query,
  });
}
