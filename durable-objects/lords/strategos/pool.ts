import type { Tx } from "../../../shared/db/database.ts";
import { allocate, type ResourceType } from "../../../shared/domain/strategos/index.ts";
import type { ErrorDetail } from "../../../shared/http/api-error.ts";

// Quantities are numeric(14,4): figures are compared at that scale, so float noise in a sum of
// four-decimal quantities (0.1 + 0.2) never shows up as a shortfall.
const atScale = (value: number) => Math.round(value * 10_000) / 10_000;

/** One request drawing on a pool: how much, and the guild it is for (null: no guild). */
export interface PoolRequest {
  id: string;
  guildId: string | null;
  quantity: number;
}

/** One scope's figures for a check: the workspace's whole pool of a type, or one guild's grant. */
export interface ScopeCheck {
  scope: "workspace" | "guild";
  guild_id: string | null;
  /** The guild's slug (null for the workspace scope). */
  guild: string | null;
  /** Σ quantity granted (guild_resources in effect today). */
  capacity: number;
  /** Σ quantity already allocated (status allocated or active), releases being made excluded. */
  committed: number;
  /** capacity − committed, floored at 0 (an over-committed pool has nothing left). */
  available: number;
  requested: number;
  /** max(0, requested − available): how much more the pool would need. */
  shortfall: number;
}

/**
 * Serialises every allocation of one resource type in a workspace until commit, so two
 * concurrent requests cannot both see the same free capacity.
 */
export async function lockPool(tx: Tx, workspaceId: string, resourceType: ResourceType): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtext('public.resource_allocations'), hashtext(${`${workspaceId}:${resourceType}`}))`;
}

/** The units a type's grants are given in, so allocations cannot mix units. */
export async function grantUnits(tx: Tx, workspaceId: string, resourceType: ResourceType): Promise<string[]> {
  const rows = await tx<{ unit: string }[]>`
    select distinct unit from public.guild_resources
    where workspace_id = ${workspaceId} and resource_type = ${resourceType} order by unit`;
  return rows.map((row) => row.unit);
}

/**
 * One scope's grant (guild_resources in effect today) and what is allocated from it (status
 * allocated or active), leaving out the allocations in `excluding`. `guildId` null is the
 * workspace's whole pool of the type.
 */
export async function poolFigures(
  tx: Tx,
  workspaceId: string,
  resourceType: ResourceType,
  guildId: string | null,
  excluding: readonly string[],
): Promise<{ capacity: number; committed: number; guild: string | null }> {
  const [row] = await tx<{ capacity: string; committed: string; guild: string | null }[]>`
    select
      (select slug from public.guilds where id = ${guildId}) as guild,
      (select coalesce(sum(quantity), 0) from public.guild_resources
       where workspace_id = ${workspaceId} and resource_type = ${resourceType}
         ${guildId === null ? tx`` : tx`and guild_id = ${guildId}`}
         and (period_start is null or period_start <= current_date)
         and (period_end is null or period_end >= current_date))::text as capacity,
      (select coalesce(sum(quantity), 0) from public.resource_allocations
       where workspace_id = ${workspaceId} and resource_type = ${resourceType}
         and status in ('allocated', 'active')
         ${guildId === null ? tx`` : tx`and guild_id = ${guildId}`}
         ${excluding.length > 0 ? tx`and id not in ${tx(excluding as string[])}` : tx``})::text as committed`;
  return { capacity: Number(row?.capacity ?? 0), committed: Number(row?.committed ?? 0), guild: row?.guild ?? null };
}

/**
 * Checks requests against the pool: the workspace's whole grant of the type, and the grant of
 * every guild a request is for (a guild may not draw more than it was granted, nor the
 * workspace more than it has). `excluding` names allocations being released by the same change.
 * Each scope's grant is divided by the domain's `allocate`, which reports the shortfall.
 */
export async function checkPool(
  tx: Tx,
  workspaceId: string,
  resourceType: ResourceType,
  requests: readonly PoolRequest[],
  excluding: readonly string[] = [],
): Promise<ScopeCheck[]> {
  const guilds = [...new Set(requests.map((request) => request.guildId).filter((id): id is string => id !== null))];
  const scopes: (string | null)[] = [null, ...guilds];
  const checks: ScopeCheck[] = [];
  for (const guildId of scopes) {
    const { capacity, committed, guild } = await poolFigures(tx, workspaceId, resourceType, guildId, excluding);
    const mine = requests.filter((request) => guildId === null || request.guildId === guildId);
    const available = atScale(Math.max(0, capacity - committed));
    const result = allocate(
      { [resourceType]: { available } },
      mine.map((request) => ({
        id: request.id,
        resourceType,
        quantity: atScale(request.quantity),
        priority: "medium",
      })),
    );
    const figures = result.byType[resourceType];
    checks.push({
      scope: guildId === null ? "workspace" : "guild",
      guild_id: guildId,
      guild,
      capacity,
      committed,
      available,
      requested: atScale(figures?.requested ?? 0),
      shortfall: atScale(figures?.shortfall ?? 0),
    });
  }
  return checks;
}

/** The 409 details of the scopes a change would over-allocate. */
export function shortfallDetails(resourceType: ResourceType, checks: readonly ScopeCheck[]): ErrorDetail[] {
  return checks
    .filter((check) => check.shortfall > 0)
    .map((check) => ({
      field: "quantity",
      message:
        `${check.scope === "workspace" ? "the workspace" : `guild ${check.guild}`} has ${check.available} ` +
        `${resourceType} available but ${check.requested} was requested: short by ${check.shortfall}`,
      resource_type: resourceType,
      scope: check.scope,
      guild_id: check.guild_id,
      guild: check.guild,
      capacity: check.capacity,
      committed: check.committed,
      available: check.available,
      requested: check.requested,
      shortfall: check.shortfall,
    }));
}
