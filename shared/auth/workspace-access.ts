import type { MiddlewareHandler } from "hono";
import * as v from "valibot";
import type { AppEnv, Caller } from "../app-env.ts";
import { withService } from "../db/database.ts";
import { ApiError } from "../http/api-error.ts";
import { type Action, can, isRole, type Role } from "./permissions.ts";

const WorkspaceIdSchema = v.pipe(v.string(), v.uuid("workspaceId must be a UUID"));

/** Membership of the caller in the workspace named by the path. */
export interface WorkspaceMembership {
  workspaceId: string;
  role: Role;
  plan: string;
}

/**
 * Resolves `:workspaceId` from the path and the caller's role in it, once per request.
 * Non-members get 404 so workspace ids cannot be probed. RLS is the second, independent wall.
 */
export function workspaceAccess(): MiddlewareHandler<AppEnv> {
  return async function workspaceAccessMiddleware(c, next) {
    const parsed = v.safeParse(WorkspaceIdSchema, c.req.param("workspaceId"));
    if (!parsed.success) {
      throw ApiError.validation([{ field: "workspaceId", location: "param", message: "must be a UUID" }]);
    }
    const caller = c.get("caller");
    if (!caller) throw ApiError.unauthorized("Missing access token", "AUTH_TOKEN_MISSING");
    const membership = await loadMembership(c.get("services").sql, parsed.output, caller);
    if (!membership) throw ApiError.notFound("Workspace not found", "WORKSPACE_NOT_FOUND");
    c.set("workspaceId", membership.workspaceId);
    c.set("workspaceRole", membership.role);
    c.set("workspacePlan", membership.plan);
    await next();
  };
}

async function loadMembership(
  sql: Parameters<typeof withService>[0],
  workspaceId: string,
  caller: Caller,
): Promise<WorkspaceMembership | undefined> {
  // An API key is its own membership: one workspace, one role, whatever its creator can do.
  const apiKey = caller.apiKey;
  if (apiKey && apiKey.workspaceId !== workspaceId) return undefined;
  const rows = await withService(sql, (tx) =>
    apiKey
      ? tx<{ role: string; plan: string }[]>`
          select ${apiKey.role}::text as role, w.plan
          from public.workspaces w where w.id = ${workspaceId} and w.archived_at is null`
      : tx<{ role: string; plan: string }[]>`
          select m.role, w.plan
          from public.workspace_members m
          join public.workspaces w on w.id = m.workspace_id
          where m.workspace_id = ${workspaceId} and m.user_id = ${caller.userId} and w.archived_at is null`,
  );
  const row = rows[0];
  if (!row || !isRole(row.role)) return undefined;
  return { workspaceId, role: row.role, plan: row.plan };
}

/** Refuses the request with 403 unless the caller's workspace role allows `action`. */
export function requirePermission(action: Action): MiddlewareHandler<AppEnv> {
  return async function requirePermissionMiddleware(c, next) {
    const role = c.get("workspaceRole");
    if (!role || !isRole(role)) throw ApiError.forbidden("No workspace role resolved for this request");
    if (!can(role, action)) {
      throw ApiError.forbidden(`Role '${role}' may not perform '${action}'`, "INSUFFICIENT_ROLE");
    }
    await next();
  };
}
