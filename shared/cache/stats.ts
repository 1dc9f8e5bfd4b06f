import type { Redis } from "@upstash/redis/cloudflare";
import { CACHE_DATA_TYPE_NAMES, CACHE_DATA_TYPES, type CacheDataTypeName } from "./data-types.ts";
import { statsKey, typeOfKey, workspacePrefix } from "./keys.ts";
import { scanKeys } from "./scan.ts";

/**
 * Per-workspace cache counters in one Redis hash, field `{counter}:{type}`. Every lookup through
 * the cache service ends as exactly one of hit, miss or coalesced (it waited for another
 * caller's computation and used its result), so the hit rate is (hits + coalesced) / lookups.
 */
export const COUNTERS = ["hit", "miss", "coalesced", "set", "expired", "invalidated", "saved_micro_usd"] as const;
export type Counter = (typeof COUNTERS)[number];

/** Money is counted in millionths of a dollar: HINCRBY is exact where floats would drift. */
const MICRO = 1_000_000;
/**
 * SCAN calls one stats read may make: with 1,000 keys examined per call, 50 calls cover a
 * 50,000-key Redis in one request's worth of round trips; past that `keys` is a lower bound.
 */
const DEFAULT_MAX_SCAN_CALLS = 50;

/** Adds to counters in one pipeline. */
export async function incrementCounters(
  redis: Redis,
  workspaceId: string,
  increments: readonly { counter: Counter; type: CacheDataTypeName; by: number }[],
): Promise<void> {
  const nonZero = increments.filter((increment) => increment.by !== 0);
  if (nonZero.length === 0) return;
  const pipeline = redis.pipeline();
  for (const { counter, type, by } of nonZero) pipeline.hincrby(statsKey(workspaceId), `${counter}:${type}`, by);
  await pipeline.exec();
}

/** Converts dollars to the integer micro-dollars the counters hold. */
export function toMicroUsd(usd: number): number {
  return Math.round(usd * MICRO);
}

/** Counters of one data type, or of the whole cache. */
export interface TypeStats {
  hits: number;
  misses: number;
  coalesced: number;
  /** (hits + coalesced) / lookups; null before the first lookup. */
  hit_rate: number | null;
  sets: number;
  evictions: { expired: number; invalidated: number; total: number };
  saved_usd: number;
  keys: number;
}

/** What `GET /cache/stats` reports, and what metrics and `/api/costs` read. */
export interface CacheStats extends TypeStats {
  workspace_id: string;
  /** False when counting keys stopped early (a very large keyspace): `keys` is then a lower bound. */
  size_complete: boolean;
  by_type: Record<CacheDataTypeName, TypeStats & { ttl_seconds: number }>;
}

/** Reads a workspace's counters and counts its live keys by type (SCAN, bounded by `maxScanCalls`). */
export async function cacheStats(
  redis: Redis,
  workspaceId: string,
  options: { maxScanCalls?: number } = {},
): Promise<CacheStats> {
  const raw = (await redis.hgetall<Record<string, number | string>>(statsKey(workspaceId))) ?? {};
  const keys = new Map<CacheDataTypeName, Set<string>>();
  const { complete } = await scanKeys(
    redis,
    `${workspacePrefix(workspaceId)}*`,
    (page) => {
      for (const key of page) {
        const type = typeOfKey(key);
        if (!type) continue;
        const set = keys.get(type) ?? new Set<string>();
        set.add(key);
        keys.set(type, set);
      }
    },
    { maxCalls: options.maxScanCalls ?? DEFAULT_MAX_SCAN_CALLS },
  );
  const read = (counter: Counter, type: CacheDataTypeName) => Number(raw[`${counter}:${type}`] ?? 0);
  const byType = Object.fromEntries(
    CACHE_DATA_TYPE_NAMES.map((type) => [
      type,
      {
        ...summarize({
          hits: read("hit", type),
          misses: read("miss", type),
          coalesced: read("coalesced", type),
          sets: read("set", type),
          expired: read("expired", type),
          invalidated: read("invalidated", type),
          savedMicro: read("saved_micro_usd", type),
          keys: keys.get(type)?.size ?? 0,
        }),
        ttl_seconds: CACHE_DATA_TYPES[type].ttlSeconds,
      },
    ]),
  ) as CacheStats["by_type"];
  const sum = (pick: (stats: TypeStats) => number) =>
    CACHE_DATA_TYPE_NAMES.reduce((total, type) => total + pick(byType[type]), 0);
  const total = summarize({
    hits: sum((s) => s.hits),
    misses: sum((s) => s.misses),
    coalesced: sum((s) => s.coalesced),
    sets: sum((s) => s.sets),
    expired: sum((s) => s.evictions.expired),
    invalidated: sum((s) => s.evictions.invalidated),
    savedMicro: sum((s) => toMicroUsd(s.saved_usd)),
    keys: sum((s) => s.keys),
  });
  return { workspace_id: workspaceId.toLowerCase(), ...total, size_complete: complete, by_type: byType };
}

function summarize(counts: {
  hits: number;
  misses: number;
  coalesced: number;
  sets: number;
  expired: number;
  invalidated: number;
  savedMicro: number;
  keys: number;
}): TypeStats {
  const lookups = counts.hits + counts.misses + counts.coalesced;
  return {
    hits: counts.hits,
    misses: counts.misses,
    coalesced: counts.coalesced,
    hit_rate: lookups === 0 ? null : (counts.hits + counts.coalesced) / lookups,
    sets: counts.sets,
    evictions: { expired: counts.expired, invalidated: counts.invalidated, total: counts.expired + counts.invalidated },
    saved_usd: counts.savedMicro / MICRO,
    keys: counts.keys,
  };
}
