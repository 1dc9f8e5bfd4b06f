import { DomainInputError } from "../errors.ts";
import { requireNonNegative } from "../validate.ts";
import { PRIORITY_LEVELS, type PriorityLevel, RESOURCE_TYPES, type ResourceType } from "./constants.ts";

/** What is available of each resource type; a type that is absent has nothing available. */
export type ResourcePool = Partial<Record<ResourceType, { available: number; unit?: string }>>;

/** A request for some quantity of one resource. */
export interface ResourceRequest {
  id: string;
  resourceType: ResourceType;
  quantity: number;
  priority: PriorityLevel;
}

/** What one request got. */
export interface RequestAllocation {
  requestId: string;
  resourceType: ResourceType;
  requested: number;
  granted: number;
  shortfall: number;
}

/** Totals for one resource type. */
export interface TypeUtilisation {
  available: number;
  requested: number;
  granted: number;
  remaining: number;
  /** granted / available (0 when nothing is available). */
  utilisation: number;
  /** max(0, requested − available): how much more would be needed to grant everything. */
  shortfall: number;
}

/** Allocation result with over-allocation detection. */
export interface AllocationResult {
  allocations: RequestAllocation[];
  byType: Partial<Record<ResourceType, TypeUtilisation>>;
  overAllocated: boolean;
  shortfalls: { resourceType: ResourceType; shortfall: number }[];
}

/**
 * Grants requests in priority order (critical first; input order within a level), each getting what remains of its
 * type up to its quantity, so the most urgent work is served fully before lower priorities get partial grants.
 * A type is over-allocated when its requests exceed what is available; its shortfall is the difference.
 */
export function allocate(pool: ResourcePool, requests: readonly ResourceRequest[]): AllocationResult {
  const remaining = new Map<ResourceType, number>();
  for (const [type, entry] of Object.entries(pool) as [ResourceType, { available: number }][]) {
    if (!RESOURCE_TYPES.includes(type)) throw new DomainInputError(`pool.${type}`, `unknown resource type "${type}"`);
    remaining.set(type, requireNonNegative(`pool.${type}.available`, entry.available));
  }
  const available = new Map(remaining);
  requests.forEach((r, i) => {
    if (!RESOURCE_TYPES.includes(r.resourceType)) {
      throw new DomainInputError(`requests[${i}].resourceType`, `must be one of ${RESOURCE_TYPES.join(", ")}`);
    }
    if (!PRIORITY_LEVELS.includes(r.priority)) {
      throw new DomainInputError(`requests[${i}].priority`, `must be one of ${PRIORITY_LEVELS.join(", ")}`);
    }
    requireNonNegative(`requests[${i}].quantity`, r.quantity);
  });
  const queue = requests
    .map((r, i) => ({ r, i }))
    .sort((a, b) => PRIORITY_LEVELS.indexOf(a.r.priority) - PRIORITY_LEVELS.indexOf(b.r.priority) || a.i - b.i);
  const granted = new Map<number, number>();
  for (const { r, i } of queue) {
    const left = remaining.get(r.resourceType) ?? 0;
    const give = Math.min(left, r.quantity);
    granted.set(i, give);
    remaining.set(r.resourceType, left - give);
  }
  const allocations = requests.map((r, i) => ({
    requestId: r.id,
    resourceType: r.resourceType,
    requested: r.quantity,
    granted: granted.get(i)!,
    shortfall: r.quantity - granted.get(i)!,
  }));
  const byType: Partial<Record<ResourceType, TypeUtilisation>> = {};
  for (const type of RESOURCE_TYPES) {
    const mine = allocations.filter((a) => a.resourceType === type);
    if (!available.has(type) && mine.length === 0) continue;
    const avail = available.get(type) ?? 0;
    const requested = mine.reduce((acc, a) => acc + a.requested, 0);
    const given = mine.reduce((acc, a) => acc + a.granted, 0);
    byType[type] = {
      available: avail,
      requested,
      granted: given,
      remaining: avail - given,
      utilisation: avail > 0 ? given / avail : 0,
      shortfall: Math.max(0, requested - avail),
    };
  }
  const shortfalls = (Object.entries(byType) as [ResourceType, TypeUtilisation][])
    .filter(([, u]) => u.shortfall > 0)
    .map(([resourceType, u]) => ({ resourceType, shortfall: u.shortfall }));
  return { allocations, byType, overAllocated: shortfalls.length > 0, shortfalls };
}
