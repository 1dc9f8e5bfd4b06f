import type { Redis } from "@upstash/redis/cloudflare";
import type { BreakerRecord } from "./breaker-logic.ts";
import type { BreakerStore } from "./circuit-breaker.ts";

/**
 * BreakerStore on Upstash Redis, so every isolate sees the same breaker. Keys follow the sibling design:
 * `circuit:{provider}:state` (JSON record), `circuit:{provider}:failures`, `circuit:{provider}:probe:{openedAt}`.
 */
export class RedisBreakerStore implements BreakerStore {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(redis: Redis, prefix = "circuit") {
    this.redis = redis;
    this.prefix = prefix;
  }

  async read(provider: string): Promise<BreakerRecord | null> {
    const record = await this.redis.get<BreakerRecord>(this.key(provider, "state"));
    return isRecord(record) ? record : null;
  }

  async write(provider: string, record: BreakerRecord, ttlMs: number): Promise<void> {
    await this.redis.set(this.key(provider, "state"), record, { px: ttlMs });
  }

  async addFailure(provider: string, windowMs: number): Promise<number> {
    const key = this.key(provider, "failures");
    // One round trip, atomic: the window's TTL is set by its first failure only (PEXPIRE NX), so later
    // failures count into the same window instead of sliding it forward.
    const [count] = await this.redis.multi().incr(key).pexpire(key, windowMs, "NX").exec();
    return count;
  }

  async claimProbe(provider: string, openedAt: number, ttlMs: number): Promise<boolean> {
    const claimed = await this.redis.set(this.key(provider, `probe:${openedAt}`), 1, { nx: true, px: ttlMs });
    return claimed === "OK";
  }

  async clear(provider: string): Promise<void> {
    await this.redis.del(this.key(provider, "state"), this.key(provider, "failures"));
  }

  private key(provider: string, suffix: string): string {
    return `${this.prefix}:${provider}:${suffix}`;
  }
}

function isRecord(value: unknown): value is BreakerRecord {
  if (value === null || typeof value !== "object") return false;
  const { state, openedAt } = value as Record<string, unknown>;
  return (state === "open" || state === "half-open") && typeof openedAt === "number";
}
