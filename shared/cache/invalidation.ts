import type { Redis } from "@upstash/redis/cloudflare";
import type { CacheDataTypeName } from "./data-types.ts";
import { DEPENDENT_TYPES, type Dependency } from "./dependencies.ts";
import { dependencyKey, invalidationPattern, typeOfKey, workspacePrefix } from "./keys.ts";
import { scanKeys } from "./scan.ts";
import { incrementCounters } from "./stats.ts";

/** How many keys an invalidation removed, in all and by data type. */
export interface InvalidationResult {
  removed: number;
  by_type: Partial<Record<CacheDataTypeName, number>>;
}

/**
 * Deletes the workspace's values matching a client pattern (manual invalidation): SCAN page by
 * page and UNLINK (non-blocking delete) each page, never KEYS. Counts per type go to the stats.
 */
export async function invalidatePattern(
  redis: Redis,
  workspaceId: string,
  pattern: string,
): Promise<InvalidationResult> {
  const result: InvalidationResult = { removed: 0, by_type: {} };
  await scanKeys(redis, invalidationPattern(workspaceId, pattern), (keys) =>
    removeKeys(redis, workspaceId, keys, result),
  );
  return result;
}

/** Deletes every value of one data type in the workspace. */
export function invalidateType(
  redis: Redis,
  workspaceId: string,
  type: CacheDataTypeName,
): Promise<InvalidationResult> {
  return invalidatePattern(redis, workspaceId, `${type}:*`);
}

/** Deletes the values that declared `dependency`, and the data types always derived from it. */
export async function invalidateDependency(
  redis: Redis,
  workspaceId: string,
  dependency: Dependency,
): Promise<InvalidationResult> {
  const result: InvalidationResult = { removed: 0, by_type: {} };
  const setKey = dependencyKey(workspaceId, dependency);
  const members = (await redis.smembers(setKey)).map(String);
  // Only our own value keys: a dependency set can never be used to delete anything else.
  const prefix = workspacePrefix(workspaceId);
  await removeKeys(
    redis,
    workspaceId,
    members.filter((key) => key.startsWith(prefix)),
    result,
  );
  await redis.del(setKey);
  for (const type of DEPENDENT_TYPES[dependency]) {
    const typed = await invalidateType(redis, workspaceId, type);
    result.removed += typed.removed;
    for (const [name, count] of Object.entries(typed.by_type) as [CacheDataTypeName, number][]) {
      result.by_type[name] = (result.by_type[name] ?? 0) + count;
    }
  }
  return result;
}

async function removeKeys(redis: Redis, workspaceId: string, keys: readonly string[], result: InvalidationResult) {
  const byType = new Map<CacheDataTypeName, string[]>();
  for (const key of new Set(keys)) {
    const type = typeOfKey(key);
    if (!type) continue;
    byType.set(type, [...(byType.get(type) ?? []), key]);
  }
  if (byType.size === 0) return;
  const pipeline = redis.pipeline();
  const types = [...byType.keys()];
  for (const type of types) pipeline.unlink(...byType.get(type)!);
  const counts = (await pipeline.exec()) as number[];
  const increments = types.map((type, i) => ({ counter: "invalidated" as const, type, by: Number(counts[i] ?? 0) }));
  for (const { type, by } of increments) {
    result.removed += by;
    result.by_type[type] = (result.by_type[type] ?? 0) + by;
  }
  await incrementCounters(redis, workspaceId, increments);
}
