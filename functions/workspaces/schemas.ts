import type { JSONParsed } from "hono/utils/types";
import type * as v from "valibot";
import type { Role } from "../../shared/auth/permissions.ts";
import { listQuerySchema } from "../../shared/db/pagination.ts";
import type { WorkspacesRow } from "../../shared/db/rows.generated.ts";
import type { DataResponse, ListResponse } from "../../shared/http/responses.ts";

/** `GET /api/workspaces`: page and sort of the caller's workspaces. */
export const ListWorkspacesQuery = listQuerySchema({ sortable: ["name", "created_at"], defaultSort: "name" });
export type ListWorkspacesQuery = v.InferOutput<typeof ListWorkspacesQuery>;

/** A workspace as the API returns it, with the caller's role in it. */
export type Workspace = JSONParsed<Omit<WorkspacesRow, "archived_at" | "created_by"> & { role: Role }>;
/** `GET /api/workspaces/:workspaceId`. */
export type WorkspaceResponse = DataResponse<Workspace>;
/** `GET /api/workspaces`: one page. */
export type WorkspaceListResponse = ListResponse<Workspace>;
