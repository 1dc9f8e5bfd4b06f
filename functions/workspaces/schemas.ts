import type { JSONParsed } from "hono/utils/types";
import type * as v from "valibot";
import type { Role } from "../../shared/auth/permissions.ts";
import { listQuerySchema, type Page } from "../../shared/db/pagination.ts";
import type { WorkspacesRow } from "../../shared/db/rows.generated.ts";

/** `GET /api/workspaces`: page and sort of the caller's workspaces. */
export const ListWorkspacesQuery = listQuerySchema({ sortable: ["name", "created_at"], defaultSort: "name" });
export type ListWorkspacesQuery = v.InferOutput<typeof ListWorkspacesQuery>;

/** A workspace as the API returns it, with the caller's role in it. */
export type Workspace = JSONParsed<Omit<WorkspacesRow, "archived_at" | "created_by"> & { role: Role }>;
/** One page of `GET /api/workspaces`. */
export type WorkspacePage = Page<Workspace>;
