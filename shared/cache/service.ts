import type { Redis } from "@upstash/redis/cloudflare";
import { CACHE_DATA_TYPES, type CacheDataTypeName, ttlFor } from "./data-types.ts";
import type { Dependency } from "./dependencies.ts";
import { type Envelope, unwrap, wrap } from "./envelope.ts";
import { type InvalidationResult, invalidateDependency, invalidatePattern, invalidateType } from "./invalidation.ts";
import { cacheKey, dependencyKey, statsKey } from "./keys.ts";
import { tryLock } from "./lock.ts";
import { type CacheStats, type Counter, cacheStats, incrementCounters, toMicroUsd } from "./stats.ts";

/** What a cache service needs: Redis, the workspace it serves, and a clock. */
export interface CacheOptions {
  redis: Redis;
  workspaceId: string;
  /** Milliseconds since the epoch; tests pass a clock they move to expire values. */
  clock?: () => number;
}

/** How to store a value. */
export interface SetOptions {
  /** Defaults to the data type's TTL; clamped to its maximum. */
  ttlSeconds?: number;
  /** Kinds of data the value was derived from; changing them invalidates it. */
  dependsOn?: readonly Dependency[];
  /** What producing the value cost, so a later hit can count the money it saved. */
  costUsd?: number;
}

/** A lookup: the value and its bookkeeping, or nothing. */
export type Lookup<T> = { hit: true; value: T; storedAt: number; costUsd: number } | { hit: false };

/** What a computation returns: the value and what it cost. */
export interface Computed<T> {
  value: T;
  costUsd?: number;
}

/** The result of `getOrCompute`. */
export interface CachedResult<T> {
  value: T;
  /** True when the value came from the cache (stored earlier, or computed meanwhile by another caller). */
  cached: boolean;
  /** True when this call waited for another caller's computation of the same key. */
  coalesced: boolean;
  /** What this call spent: 0 when cached. */
  costUsd: number;
  /** What a cached answer saved: the cost recorded when it was computed. */
  savedUsd: number;
}

/** How `getOrCompute` behaves. */
export interface GetOrComputeOptions extends SetOptions {
  /** Skip the read and recompute (a user asking to regenerate); the new value replaces the old. */
  refresh?: boolean;
  /** How long the single-flight lock lives: longer than the slowest computation it guards. */
  lockTtlMs?: number;
  /** How long a caller waits for another's computation before computing itself. */
  waitTimeoutMs?: number;
  /** How often a waiting caller looks for the value. */
  pollMs?: number;
}

/**
 * Defaults of the single flight: a lock outlives a strongest-tier model call, so a second caller
 * waits rather than paying for the same call; a crashed holder's lock lapses after it. Waiters
 * poll Redis every 50 ms, a small fraction of any model call they are waiting on.
 */
const DEFAULT_LOCK_TTL_MS = 60_000;
const DEFAULT_POLL_MS = 50;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The cache of one workspace: typed, versioned values with the spec's TTLs, single-flight
 * computation, invalidation by pattern, type or dependency, and statistics.
 */
export class WorkspaceCache {
  readonly workspaceId: string;
  readonly #redis: Redis;
  readonly #clock: () => number;
  // Same-isolate callers of one key share one promise; other isolates coordinate through the Redis lock.
  readonly #inFlight = new Map<string, Promise<CachedResult<unknown>>>();

  constructor(options: CacheOptions) {
    this.workspaceId = options.workspaceId.toLowerCase();
    this.#redis = options.redis;
    this.#clock = options.clock ?? Date.now;
  }

  /** Reads a value, counting the hit or miss (and the money a hit saved). */
  async get<T>(type: CacheDataTypeName, id: string): Promise<Lookup<T>> {
    const envelope = await this.#read<T>(type, cacheKey(this.workspaceId, type, id));
    await this.#count(
      envelope
        ? [
            ["hit", type, 1],
            ["saved_micro_usd", type, toMicroUsd(envelope.cost)],
          ]
        : [["miss", type, 1]],
    );
    return envelope ? { hit: true, value: envelope.d, storedAt: envelope.at, costUsd: envelope.cost } : { hit: false };
  }

  /** Stores a value under its type's TTL, registering it with the data it depends on. */
  async set<T>(type: CacheDataTypeName, id: string, value: T, options: SetOptions = {}): Promise<void> {
    const key = cacheKey(this.workspaceId, type, id);
    const ttl = ttlFor(type, options.ttlSeconds);
    const pipeline = this.#redis.pipeline();
    pipeline.set(key, wrap(type, value, this.#clock(), ttl, options.costUsd ?? 0), { ex: ttl });
    for (const dependency of new Set(options.dependsOn ?? [])) {
      const setKey = dependencyKey(this.workspaceId, dependency);
      pipeline.sadd(setKey, key);
      // The set lives as long as its longest-lived member: NX gives a new set a TTL, GT extends it.
      pipeline.expire(setKey, ttl, "NX");
      pipeline.expire(setKey, ttl, "GT");
    }
    pipeline.hincrby(statsKey(this.workspaceId), `set:${type}`, 1);
    await pipeline.exec();
  }

  /** Deletes one value (a user action such as editing the record it was derived from). */
  async delete(type: CacheDataTypeName, id: string): Promise<boolean> {
    const removed = await this.#redis.unlink(cacheKey(this.workspaceId, type, id));
    if (removed > 0) await this.#count([["invalidated", type, removed]]);
    return removed > 0;
  }

  /**
   * The cached value, or the result of `compute` stored for next time. Concurrent callers of one
   * key compute once: one takes the Redis lock and computes, the others wait for its value.
   */
  getOrCompute<T>(
    type: CacheDataTypeName,
    id: string,
    compute: () => Promise<Computed<T>>,
    options: GetOrComputeOptions = {},
  ): Promise<CachedResult<T>> {
    const key = cacheKey(this.workspaceId, type, id);
    const running = this.#inFlight.get(key) as Promise<CachedResult<T>> | undefined;
    if (running && !options.refresh) return running.then((result) => this.#shared(type, result));
    const promise = this.#computeOnce(type, id, key, compute, options).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, promise as Promise<CachedResult<unknown>>);
    return promise;
  }

  /** Manual invalidation: the workspace's values matching `pattern` (e.g. `agent_responses:*`). */
  invalidate(pattern: string): Promise<InvalidationResult> {
    return invalidatePattern(this.#redis, this.workspaceId, pattern);
  }

  /** Invalidates every value of a data type. */
  invalidateType(type: CacheDataTypeName): Promise<InvalidationResult> {
    return invalidateType(this.#redis, this.workspaceId, type);
  }

  /** Dependent-data invalidation: everything derived from `dependency`. */
  invalidateDependency(dependency: Dependency): Promise<InvalidationResult> {
    return invalidateDependency(this.#redis, this.workspaceId, dependency);
  }

  /** Hit rate, size, evictions and money saved. */
  stats(): Promise<CacheStats> {
    return cacheStats(this.#redis, this.workspaceId);
  }

  /** A same-isolate caller served by another's in-flight computation: a coalesced lookup. */
  async #shared<T>(type: CacheDataTypeName, result: CachedResult<T>): Promise<CachedResult<T>> {
    const saved = result.cached ? result.savedUsd : result.costUsd;
    await this.#count([
      ["coalesced", type, 1],
      ["saved_micro_usd", type, toMicroUsd(saved)],
    ]);
    return { value: result.value, cached: true, coalesced: true, costUsd: 0, savedUsd: saved };
  }

  async #computeOnce<T>(
    type: CacheDataTypeName,
    id: string,
    key: string,
    compute: () => Promise<Computed<T>>,
    options: GetOrComputeOptions,
  ): Promise<CachedResult<T>> {
    if (!options.refresh) {
      const found = await this.#read<T>(type, key);
      if (found) return this.#served(type, found, false);
    }
    const startedAt = this.#clock();
    const lockTtlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
    // Real time, not the cache's clock: the waiting is real even when a test moves the clock.
    const deadline = Date.now() + (options.waitTimeoutMs ?? lockTtlMs);
    for (;;) {
      const lock = await tryLock(this.#redis, key, lockTtlMs);
      if (lock) {
        try {
          // Another caller may have stored the value between our read and our lock: one more GET
          // on a miss is cheaper than a second model call.
          const stored = options.refresh ? undefined : await this.#read<T>(type, key);
          if (stored) return this.#served(type, stored, true);
          return await this.#computeAndStore(type, id, compute, options);
        } finally {
          await lock.release();
        }
      }
      if (Date.now() >= deadline) return this.#computeAndStore(type, id, compute, options);
      await sleep(options.pollMs ?? DEFAULT_POLL_MS);
      const stored = await this.#read<T>(type, key);
      // A refresh only accepts a value computed after it was asked for.
      if (stored && (!options.refresh || stored.at >= startedAt)) return this.#served(type, stored, true);
    }
  }

  async #computeAndStore<T>(
    type: CacheDataTypeName,
    id: string,
    compute: () => Promise<Computed<T>>,
    options: SetOptions,
  ): Promise<CachedResult<T>> {
    const { value, costUsd = 0 } = await compute();
    await this.set(type, id, value, { ...options, costUsd });
    await this.#count([["miss", type, 1]]);
    return { value, cached: false, coalesced: false, costUsd, savedUsd: 0 };
  }

  async #served<T>(type: CacheDataTypeName, envelope: Envelope<T>, coalesced: boolean): Promise<CachedResult<T>> {
    await this.#count([
      [coalesced ? "coalesced" : "hit", type, 1],
      ["saved_micro_usd", type, toMicroUsd(envelope.cost)],
    ]);
    return { value: envelope.d, cached: true, coalesced, costUsd: 0, savedUsd: envelope.cost };
  }

  /** The live envelope at `key`; an expired or other-shape value is deleted and counted. */
  async #read<T>(type: CacheDataTypeName, key: string): Promise<Envelope<T> | undefined> {
    const found = unwrap<T>(type, await this.#redis.get(key), this.#clock());
    if (found.state === "hit") return found.envelope;
    if (found.state !== "miss") {
      await this.#redis.unlink(key);
      if (found.state === "expired") await this.#count([["expired", type, 1]]);
    }
    return undefined;
  }

  #count(increments: readonly [Counter, CacheDataTypeName, number][]): Promise<void> {
    return incrementCounters(
      this.#redis,
      this.workspaceId,
      increments.map(([counter, type, by]) => ({ counter, type, by })),
    );
  }
}

/** A workspace's cache service. */
export function createCache(options: CacheOptions): WorkspaceCache {
  return new WorkspaceCache(options);
}

/** The TTL table of the spec, for documentation and the stats endpoint. */
export const CACHE_TTLS = Object.fromEntries(
  Object.entries(CACHE_DATA_TYPES).map(([type, spec]) => [type, spec.ttlSeconds]),
) as Record<CacheDataTypeName, number>;
