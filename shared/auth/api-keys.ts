import type { Caller } from "../app-env.ts";
import { type Sql, withService } from "../db/database.ts";
import { ApiError } from "../http/api-error.ts";
import { isRole, type Role } from "./permissions.ts";

const KEY_PATTERN = /^rfk_[A-Za-z0-9_]{16,120}$/;
const PREFIX_LENGTH = 13;

/** SHA-256 hex of a key: the only form in which keys are stored. */
export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** A new random key (`rfk_` + 32 random bytes, base64url) and the prefix shown in lists. */
export function generateApiKey(): { key: string; prefix: string } {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "A")
    .replace(/\//g, "B")
    .replace(/=+$/, "");
  const key = `rfk_${secret}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH) };
}

interface ApiKeyRow {
  id: string;
  workspace_id: string;
  role: string;
  created_by: string | null;
  revoked_at: Date | null;
  expires_at: Date | null;
  last_used_at: Date | null;
}

/** The workspace and role an API key is scoped to. */
export interface ApiKeyScope {
  id: string;
  workspaceId: string;
  role: Role;
}

/**
 * Resolves `x-api-key` to a caller scoped to one workspace and role. The claims carry
 * `api_key_id`, which the membership helpers in Postgres honour instead of the creator's own
 * memberships, so RLS sees the key's scope and nothing more.
 */
export async function resolveApiKey(sql: Sql, key: string): Promise<Caller & { apiKey: ApiKeyScope }> {
  if (!KEY_PATTERN.test(key)) throw ApiError.unauthorized("API key is malformed", "AUTH_API_KEY_INVALID");
  const keyHash = await hashApiKey(key);
  const row = await withService(sql, async (tx) => {
    const [found] = await tx<ApiKeyRow[]>`
      select id, workspace_id, role, created_by, revoked_at, expires_at, last_used_at
      from public.api_keys where key_hash = ${keyHash}`;
    // Touch last_used_at at most once a minute so hot keys do not write on every request.
    if (found && !found.revoked_at && (!found.last_used_at || Date.now() - found.last_used_at.getTime() > 60_000)) {
      await tx`update public.api_keys set last_used_at = now() where id = ${found.id}`;
    }
    return found;
  });
  if (!row || !isRole(row.role)) throw ApiError.unauthorized("API key is not recognised", "AUTH_API_KEY_INVALID");
  if (row.revoked_at) throw ApiError.unauthorized("API key has been revoked", "AUTH_API_KEY_REVOKED");
  if (row.expires_at && row.expires_at.getTime() <= Date.now()) {
    throw ApiError.unauthorized("API key has expired", "AUTH_API_KEY_EXPIRED");
  }
  const subject = row.created_by ?? row.id;
  return {
    kind: "api_key",
    userId: subject,
    email: null,
    claims: { sub: subject, role: "authenticated", aud: "authenticated", api_key_id: row.id },
    apiKey: { id: row.id, workspaceId: row.workspace_id, role: row.role },
  };
}
