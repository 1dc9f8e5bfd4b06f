import type { Tx } from "../../../shared/db/database.ts";
import type { ConflictCasesRow, ResourceAllocationsRow } from "../../../shared/db/rows.generated.ts";
import type { ResourceType } from "../../../shared/domain/strategos/index.ts";
import { ApiError, type ErrorDetail } from "../../../shared/http/api-error.ts";
import { checkPool, lockPool, poolFigures, shortfallDetails } from "../strategos/pool.ts";
import { guildBySlug, json, loadPlan, loadTask } from "../strategos/store.ts";
import { priorityWeight } from "./outcomes.ts";
import type { ClaimInput, RegisterConflictInput } from "./schemas.ts";

/**
 * A party's claim as stored on the case: its demand and weight, and the Strategos allocation
 * target (guild, plan, task) its share is allocated to, resolved at registration.
 */
export interface ContestedClaim {
  party: string;
  demand: number;
  weight: number;
  guild_id: string | null;
  plan_id: string | null;
  task_id: string | null;
}

/** conflict_cases.contested_resource: what is contested, whose pool, and the claims on it. */
export interface ContestedResource {
  resource_type: ResourceType;
  unit: string;
  /** The guild whose grant is contested; null for the workspace's whole pool of the type. */
  guild_id: string | null;
  /** A contested quantity the registrant fixed; null to take it from the pool when proposing. */
  capacity: number | null;
  claims: ContestedClaim[];
}

/** The case's contested resource, or null for conflicts that split no resource. */
export function contestedResourceOf(row: ConflictCasesRow): ContestedResource | null {
  return (row.contested_resource as unknown as ContestedResource | null) ?? null;
}

const targetKey = (claim: Pick<ContestedClaim, "guild_id" | "plan_id" | "task_id">) =>
  `${claim.guild_id}|${claim.plan_id}|${claim.task_id}`;

/**
 * Checks the claims against the parties (one claim per party) and resolves each claim's target:
 * a task implies its plan, the case's plan is the default plan, the contested guild the default
 * guild; every claim needs a target and no two may share one (their shares could not be told
 * apart in resource_allocations).
 */
export async function resolveContestedResource(
  tx: Tx,
  workspaceId: string,
  input: RegisterConflictInput,
): Promise<ContestedResource | null> {
  const resource = input.resource;
  if (!resource) return null;
  const issues: ErrorDetail[] = [];
  const claimed = resource.claims.map((claim) => claim.party);
  resource.claims.forEach((claim, index) => {
    if (!input.parties.includes(claim.party)) {
      issues.push({ field: `resource.claims.${index}.party`, message: `"${claim.party}" is not one of the parties` });
    } else if (claimed.indexOf(claim.party) !== index) {
      issues.push({ field: `resource.claims.${index}.party`, message: `"${claim.party}" already has a claim` });
    }
  });
  for (const party of input.parties.filter((name) => !claimed.includes(name))) {
    issues.push({ field: "resource.claims", message: `party "${party}" has no claim` });
  }
  if (issues.length > 0) throw ApiError.validation(issues);

  const scope = resource.guild ? (await guildBySlug(tx, resource.guild)).id : null;
  const claims: ContestedClaim[] = [];
  for (const [index, claim] of resource.claims.entries()) {
    claims.push(await resolveClaim(tx, workspaceId, claim, index, { scope, planId: input.plan_id ?? null }));
  }
  const keys = claims.map(targetKey);
  claims.forEach((claim, index) => {
    if (claim.guild_id === null && claim.plan_id === null && claim.task_id === null) {
      issues.push({
        field: `resource.claims.${index}`,
        message: "must name a guild, plan_id or task_id to allocate to",
      });
    } else if (keys.indexOf(targetKey(claim)) !== index) {
      issues.push({
        field: `resource.claims.${index}`,
        message: "allocates to the same guild, plan and task as an earlier claim",
      });
    }
  });
  if (issues.length > 0) throw ApiError.validation(issues);
  return {
    resource_type: resource.resource_type,
    unit: resource.unit,
    guild_id: scope,
    capacity: resource.capacity ?? null,
    claims,
  };
}

async function resolveClaim(
  tx: Tx,
  workspaceId: string,
  claim: ClaimInput,
  index: number,
  defaults: { scope: string | null; planId: string | null },
): Promise<ContestedClaim> {
  const task = claim.task_id ? await loadTask(tx, workspaceId, claim.task_id) : null;
  if (task && claim.plan_id && claim.plan_id !== task.plan_id) {
    throw ApiError.validation([
      { field: `resource.claims.${index}.task_id`, message: `belongs to plan ${task.plan_id}, not ${claim.plan_id}` },
    ]);
  }
  const planId = task?.plan_id ?? claim.plan_id ?? defaults.planId;
  if (planId && !task) await loadPlan(tx, workspaceId, planId);
  const guildId = claim.guild ? (await guildBySlug(tx, claim.guild)).id : defaults.scope;
  if (defaults.scope && guildId !== defaults.scope) {
    throw ApiError.validation([
      { field: `resource.claims.${index}.guild`, message: "must be the contested guild (or left out)" },
    ]);
  }
  return {
    party: claim.party,
    demand: claim.demand,
    weight: claim.weight ?? priorityWeight(claim.priority ?? "medium"),
    guild_id: guildId,
    plan_id: planId,
    task_id: task?.id ?? null,
  };
}

/** The allocations of the contested type the claimants hold now (matching a claim's target exactly). */
export function heldByClaims(tx: Tx, workspaceId: string, resource: ContestedResource) {
  const targets = resource.claims.map(({ guild_id, plan_id, task_id }) => ({ guild_id, plan_id, task_id }));
  return tx<ResourceAllocationsRow[]>`
    select r.* from public.resource_allocations r
    where r.workspace_id = ${workspaceId} and r.resource_type = ${resource.resource_type}
      and r.status in ('allocated', 'active')
      and exists (
        select 1 from jsonb_to_recordset(${json(tx, targets)}) as t (guild_id uuid, plan_id uuid, task_id uuid)
        where r.guild_id is not distinct from t.guild_id and r.plan_id is not distinct from t.plan_id
          and r.task_id is not distinct from t.task_id)
    order by r.created_at, r.id`;
}

/** The contested quantity and how much each claimant's guild could still take. */
export interface ContestedCapacity {
  capacity: number;
  /** Per guild of a claim: its grant minus what others hold of it (what the claimants hold is back in play). */
  guildHeadroom: Map<string, number>;
  held: ResourceAllocationsRow[];
}

/**
 * The quantity to split: the registrant's figure, or what the contested pool (the guild's grant
 * or the workspace's) has free once the claimants' own allocations are put back in play, since
 * the ruling replaces them.
 */
export async function contestedCapacity(
  tx: Tx,
  workspaceId: string,
  resource: ContestedResource,
): Promise<ContestedCapacity> {
  const held = await heldByClaims(tx, workspaceId, resource);
  const heldIds = held.map((row) => row.id);
  const free = async (guildId: string | null) => {
    const figures = await poolFigures(tx, workspaceId, resource.resource_type, guildId, heldIds);
    return Math.max(0, figures.capacity - figures.committed);
  };
  const capacity = resource.capacity ?? (await free(resource.guild_id));
  const guildHeadroom = new Map<string, number>();
  for (const guildId of new Set(resource.claims.map((claim) => claim.guild_id))) {
    if (guildId !== null) guildHeadroom.set(guildId, await free(guildId));
  }
  return { capacity, guildHeadroom, held };
}

/** One party's share as a ruling allocates it. */
export interface RuledShare {
  party: string;
  allocated: number;
}

/** What applying a resource ruling changed in Strategos' allocations. */
export interface AppliedRuling {
  released: { allocation_id: string; quantity: number }[];
  allocations: {
    party: string;
    allocation_id: string;
    quantity: number;
    guild_id: string | null;
    plan_id: string | null;
    task_id: string | null;
  }[];
}

/**
 * Applies a resource ruling to Strategos' allocations inside the decision's transaction: the
 * claimants' current allocations of the type are released and each party's share is allocated
 * to its target. The pool is checked as Strategos checks any allocation (workspace and guild
 * grants); if it changed since the proposal so the shares no longer fit, a 409 gives the shortfall.
 */
export async function applyResourceRuling(
  tx: Tx,
  workspaceId: string,
  actorId: string,
  resource: ContestedResource,
  shares: readonly RuledShare[],
): Promise<AppliedRuling> {
  await lockPool(tx, workspaceId, resource.resource_type);
  const held = await heldByClaims(tx, workspaceId, resource);
  const byParty = new Map(resource.claims.map((claim) => [claim.party, claim]));
  const rows = shares
    .filter((share) => share.allocated > 0)
    .map((share) => {
      const claim = byParty.get(share.party) as ContestedClaim;
      return {
        id: crypto.randomUUID(),
        party: share.party,
        quantity: share.allocated,
        guild_id: claim.guild_id,
        plan_id: claim.plan_id,
        task_id: claim.task_id,
      };
    });
  const checks = await checkPool(
    tx,
    workspaceId,
    resource.resource_type,
    rows.map((row) => ({ id: row.id, guildId: row.guild_id, quantity: row.quantity })),
    held.map((row) => row.id),
  );
  const details = shortfallDetails(resource.resource_type, checks);
  if (details.length > 0) {
    throw ApiError.conflict(
      "The ruling's shares no longer fit the pool: allocations changed since the proposal",
      details,
      "OVER_ALLOCATED",
    );
  }
  if (held.length > 0) {
    await tx`
      update public.resource_allocations set status = 'released', released_at = now()
      where workspace_id = ${workspaceId} and id in ${tx(held.map((row) => row.id))}`;
  }
  if (rows.length > 0) {
    await tx`
      insert into public.resource_allocations (id, workspace_id, plan_id, task_id, guild_id, resource_type, quantity,
                                               unit, status, allocated_at, created_by)
      select r.id, ${workspaceId}, r.plan_id, r.task_id, r.guild_id, ${resource.resource_type}, r.quantity,
             ${resource.unit}, 'allocated', now(), ${actorId}
      from jsonb_to_recordset(${json(tx, rows)}) as r (id uuid, plan_id uuid, task_id uuid, guild_id uuid, quantity numeric)`;
  }
  return {
    released: held.map((row) => ({ allocation_id: row.id, quantity: Number(row.quantity) })),
    allocations: rows.map(({ id, ...row }) => ({ allocation_id: id, ...row })),
  };
}
