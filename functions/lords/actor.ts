import type { Context } from "hono";
import type { AppEnv } from "../../shared/app-env.ts";
import { isRole } from "../../shared/auth/permissions.ts";
import type { JwtClaims } from "../../shared/db/database.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import type { Actor } from "../../shared/lords/types.ts";

/** The authenticated caller and their workspace role, as a Lord receives them. */
export function actorOf(c: Context<AppEnv>): Actor {
  const caller = c.get("caller");
  const role = c.get("workspaceRole");
  if (!caller) throw ApiError.unauthorized("Missing access token", "AUTH_TOKEN_MISSING");
  if (!isRole(role)) throw ApiError.forbidden("No workspace role resolved for this request");
  const { sub, role: claimRole } = caller.claims;
  if (typeof sub !== "string" || typeof claimRole !== "string") {
    throw ApiError.unauthorized("Access token has no subject", "AUTH_TOKEN_INVALID_CLAIMS");
  }
  return {
    userId: caller.userId,
    kind: caller.kind,
    role,
    claims: { ...caller.claims, sub, role: claimRole } as JwtClaims,
  };
}

/** The workspace `workspaceAccess` resolved for this request. */
export function workspaceOf(c: Context<AppEnv>): string {
  const workspaceId = c.get("workspaceId");
  if (!workspaceId) throw ApiError.notFound("Workspace not found", "WORKSPACE_NOT_FOUND");
  return workspaceId;
}
