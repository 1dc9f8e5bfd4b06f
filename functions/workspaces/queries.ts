import type { Tx } from "../../shared/db/database.ts";
import { and, cursorSelect, keysetCondition, orderByClause, type Page, toPage } from "../../shared/db/pagination.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import type { ListWorkspacesQuery, Workspace } from "./schemas.ts";

type WorkspaceRow = Omit<Workspace, "created_at" | "updated_at"> & { created_at: Date; updated_at: Date };

const columns = (tx: Tx) => tx`
  w.id, w.organization_id, w.name, w.slug, w.description, w.plan, w.settings, w.created_at, w.updated_at`;

/**
 * The caller's workspaces and their role in each, through row-level security. The role comes
 * from `private.workspace_role`, so an API key sees its one workspace with its own role, and
 * an organization owner does not see workspaces they own but do not belong to.
 */
export async function listMyWorkspaces(tx: Tx, query: ListWorkspacesQuery): Promise<Page<WorkspaceRow>> {
  const rows = await tx<(WorkspaceRow & { _cursor: string | null })[]>`
    select ${columns(tx)}, private.workspace_role(w.id) as role, ${cursorSelect(tx, query, "w")}
    from public.workspaces w
    where ${and(tx, [
      tx`w.archived_at is null`,
      tx`private.workspace_role(w.id) is not null`,
      keysetCondition(tx, query, "w"),
    ])}
    ${orderByClause(tx, query, "w")}
    limit ${query.limit + 1}`;
  return toPage(rows, query);
}

/** One workspace the caller belongs to, with their role. */
export async function getWorkspace(tx: Tx, workspaceId: string): Promise<WorkspaceRow> {
  const [row] = await tx<WorkspaceRow[]>`
    select ${columns(tx)}, private.workspace_role(w.id) as role
    from public.workspaces w
    where w.id = ${workspaceId} and w.archived_at is null`;
  if (!row?.role) throw ApiError.notFound("Workspace not found", "WORKSPACE_NOT_FOUND");
  return row;
}
