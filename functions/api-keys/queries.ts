import { generateApiKey, hashApiKey } from "../../shared/auth/api-keys.ts";
import type { Tx } from "../../shared/db/database.ts";
import { and, cursorSelect, keysetCondition, orderByClause, type Page, toPage } from "../../shared/db/pagination.ts";
import type { ApiKeysRow } from "../../shared/db/rows.generated.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import type { Emit, RequestScope } from "../../shared/http/request-scope.ts";
import type { CreateApiKeyBody, ListApiKeysQuery } from "./schemas.ts";

type ApiKeyRow = Omit<ApiKeysRow, "key_hash">;

const columns = (tx: Tx) => tx`
  id, workspace_id, name, prefix, role, created_by, expires_at, last_used_at, revoked_at, created_at, updated_at`;

/** One page of the workspace's keys, without secrets or hashes. */
export async function listApiKeys(tx: Tx, workspaceId: string, query: ListApiKeysQuery): Promise<Page<ApiKeyRow>> {
  const rows = await tx<(ApiKeyRow & { _cursor: string | null })[]>`
    select ${columns(tx)}, ${cursorSelect(tx, query)}
    from public.api_keys
    where ${and(tx, [
      tx`workspace_id = ${workspaceId}`,
      query.include_revoked ? undefined : tx`revoked_at is null`,
      keysetCondition(tx, query),
    ])}
    ${orderByClause(tx, query)}
    limit ${query.limit + 1}`;
  return toPage(rows, query);
}

/**
 * Creates a key and emits `api_key.created`. The secret is generated here, stored only as
 * its SHA-256, and returned to the caller this once.
 */
export async function createApiKey(
  tx: Tx,
  emit: Emit,
  scope: Pick<RequestScope, "workspaceId" | "actorId">,
  body: CreateApiKeyBody,
): Promise<ApiKeyRow & { secret: string }> {
  const { key: secret, prefix } = generateApiKey();
  const [key] = await tx<ApiKeyRow[]>`
    insert into public.api_keys (workspace_id, name, prefix, key_hash, role, created_by, expires_at)
    values (${scope.workspaceId}, ${body.name}, ${prefix}, ${await hashApiKey(secret)}, ${body.role},
            ${scope.actorId}, ${body.expires_at ?? null})
    returning ${columns(tx)}`;
  if (!key) throw new Error("api_keys insert returned no row");
  await emit("api_key.created", { api_key_id: key.id, name: key.name, prefix: key.prefix, role: key.role });
  return { ...key, secret };
}

/**
 * Revokes a key: it stops authenticating at once (resolveApiKey and the RLS helpers both check
 * `revoked_at`). Revoking a revoked key changes nothing and emits nothing.
 */
export async function revokeApiKey(tx: Tx, emit: Emit, workspaceId: string, keyId: string): Promise<void> {
  const [current] = await tx<ApiKeyRow[]>`
    select ${columns(tx)} from public.api_keys where id = ${keyId} and workspace_id = ${workspaceId} for update`;
  if (!current) throw ApiError.notFound("API key not found", "API_KEY_NOT_FOUND");
  if (current.revoked_at) return;
  await emit("api_key.revoked", { api_key_id: current.id, name: current.name, prefix: current.prefix });
  const revoked = await tx`
    update public.api_keys set revoked_at = now() where id = ${keyId} and workspace_id = ${workspaceId} returning id`;
  if (revoked.length === 0) throw ApiError.notFound("API key not found", "API_KEY_NOT_FOUND");
}
