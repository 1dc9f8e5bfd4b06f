import type { Redis } from "@upstash/redis/cloudflare";
import { CACHE_DATA_TYPE_NAMES, type CacheStats, cacheStats, type TypeStats } from "../../shared/cache/index.ts";
import { statsKey, typeOfKey, workspacePrefix } from "../../shared/cache/keys.ts";
import { scanKeys } from "../../shared/cache/scan.ts";
import type { MetricFamily, Sample } from "./prometheus.ts";

/**
 * Bounds of one scrape: every Redis command is a subrequest of the Worker's invocation. Up to 200
 * workspaces (in id order, so the same ones every scrape) are read, one HGETALL each, 10 at a time; their
 * keys are counted in one SCAN pass over the cache's keys of at most 50 calls (50,000 keys examined).
 */
const MAX_WORKSPACES = 200;
const DISCOVERY_SCAN_CALLS = 20;
const SIZE_SCAN_CALLS = 50;
const CONCURRENCY = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const workspaceOfKey = (key: string) => key.split(":")[1] ?? "";

/** Workspaces with cache activity: those whose statistics hash exists. */
async function activeWorkspaces(redis: Redis): Promise<string[]> {
  const found = new Set<string>();
  await scanKeys(
    redis,
    statsKey("*"),
    (keys) => {
      for (const id of keys.map(workspaceOfKey)) if (UUID.test(id)) found.add(id);
    },
    { maxCalls: DISCOVERY_SCAN_CALLS },
  );
  return [...found].sort();
}

/** Counters of each workspace (cacheStats without its own size scan: sizes come from one shared pass). */
async function countersOf(redis: Redis, workspaces: readonly string[]): Promise<CacheStats[]> {
  const stats: CacheStats[] = [];
  for (let i = 0; i < workspaces.length; i += CONCURRENCY) {
    const batch = workspaces.slice(i, i + CONCURRENCY);
    stats.push(...(await Promise.all(batch.map((id) => cacheStats(redis, id, { maxScanCalls: 0 })))));
  }
  return stats;
}

/** Live values by workspace and type, in one SCAN pass; `complete` is false when the pass hit its bound. */
async function sizesOf(redis: Redis, workspaces: ReadonlySet<string>) {
  const sizes = new Map<string, number>();
  const { complete } = await scanKeys(
    redis,
    `${workspacePrefix("*")}*`,
    (keys) => {
      // SCAN may return a key twice; a count off by a repeat is acceptable for a gauge of this size.
      for (const key of keys) {
        const workspace = workspaceOfKey(key);
        const type = typeOfKey(key);
        if (!type || !workspaces.has(workspace)) continue;
        const id = `${workspace}/${type}`;
        sizes.set(id, (sizes.get(id) ?? 0) + 1);
      }
    },
    { maxCalls: SIZE_SCAN_CALLS },
  );
  return { sizeOf: (workspace: string, type: string) => sizes.get(`${workspace}/${type}`) ?? 0, complete };
}

const active = (s: TypeStats, keys: number) => s.hits + s.misses + s.coalesced + s.sets + s.evictions.total + keys > 0;

/**
 * Cache statistics (lookups by result, hit ratio, evictions, size, money saved) per workspace and data type,
 * for the workspaces with cache activity or the ones the scrape pins.
 */
export async function cacheMetrics(redis: Redis, pinned?: readonly string[]): Promise<MetricFamily[]> {
  const candidates = pinned ? [...new Set(pinned)].sort() : await activeWorkspaces(redis);
  const workspaces = candidates.slice(0, MAX_WORKSPACES);
  const [counters, sizes] = await Promise.all([countersOf(redis, workspaces), sizesOf(redis, new Set(workspaces))]);
  const lookups: Sample[] = [];
  const evictions: Sample[] = [];
  const saved: Sample[] = [];
  const keys: Sample[] = [];
  const ratios: Sample[] = [];
  for (const stats of counters) {
    const workspace_id = stats.workspace_id;
    if (stats.hit_rate !== null) ratios.push({ labels: { workspace_id }, value: stats.hit_rate });
    for (const type of CACHE_DATA_TYPE_NAMES) {
      const byType = stats.by_type[type];
      const size = sizes.sizeOf(workspace_id, type);
      if (!active(byType, size)) continue;
      const labels = { workspace_id, type };
      lookups.push(
        { labels: { ...labels, result: "hit" }, value: byType.hits },
        { labels: { ...labels, result: "miss" }, value: byType.misses },
        { labels: { ...labels, result: "coalesced" }, value: byType.coalesced },
      );
      evictions.push(
        { labels: { ...labels, reason: "expired" }, value: byType.evictions.expired },
        { labels: { ...labels, reason: "invalidated" }, value: byType.evictions.invalidated },
      );
      saved.push({ labels, value: byType.saved_usd });
      keys.push({ labels, value: size });
    }
  }
  return [
    {
      name: "raptorflow_cache_workspaces",
      help: `Workspaces with cache activity (or pinned by the scrape): reported (at most ${MAX_WORKSPACES}) or omitted`,
      type: "gauge",
      samples: [
        { labels: { state: "reported" }, value: workspaces.length },
        { labels: { state: "omitted" }, value: candidates.length - workspaces.length },
      ],
    },
    {
      name: "raptorflow_cache_lookups_total",
      help: "Cache lookups by result: hit, miss, or coalesced (served by a concurrent identical computation)",
      type: "counter",
      samples: lookups,
    },
    {
      name: "raptorflow_cache_hit_ratio",
      help: "(hits + coalesced) / lookups over all data types of the workspace",
      type: "gauge",
      samples: ratios,
    },
    {
      name: "raptorflow_cache_evictions_total",
      help: "Cached values evicted, by reason: expired or invalidated",
      type: "counter",
      samples: evictions,
    },
    {
      name: "raptorflow_cache_saved_usd_total",
      help: "Model spend avoided by cache hits, in USD",
      type: "counter",
      samples: saved,
    },
    {
      name: "raptorflow_cache_keys",
      help: "Live cached values (a lower bound when raptorflow_cache_keys_complete is 0)",
      type: "gauge",
      samples: keys,
    },
    {
      name: "raptorflow_cache_keys_complete",
      help: "1 when the key count covered the whole keyspace, 0 when counting stopped at its bound",
      type: "gauge",
      samples: [{ value: sizes.complete ? 1 : 0 }],
    },
  ];
}
