import type { BreakerRecord } from "./breaker-logic.ts";
import type { BreakerStore } from "./circuit-breaker.ts";

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * A BreakerStore in one isolate's memory, with the same TTL semantics as the Redis store. For tests (with a
 * controllable clock) and for single-process local runs; production shares state across isolates in Redis.
 */
export class MemoryBreakerStore implements BreakerStore {
  private readonly records = new Map<string, Entry<BreakerRecord>>();
  private readonly failures = new Map<string, Entry<number>>();
  private readonly probes = new Map<string, Entry<true>>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  async read(provider: string): Promise<BreakerRecord | null> {
    return this.live(this.records, provider) ?? null;
  }

  async write(provider: string, record: BreakerRecord, ttlMs: number): Promise<void> {
    this.records.set(provider, { value: { ...record }, expiresAt: this.now() + ttlMs });
  }

  async addFailure(provider: string, windowMs: number): Promise<number> {
    const current = this.live(this.failures, provider);
    if (current === undefined) {
      this.failures.set(provider, { value: 1, expiresAt: this.now() + windowMs });
      return 1;
    }
    const entry = this.failures.get(provider) as Entry<number>;
    entry.value = current + 1;
    return entry.value;
  }

  async claimProbe(provider: string, openedAt: number, ttlMs: number): Promise<boolean> {
    const key = `${provider}:${openedAt}`;
    if (this.live(this.probes, key)) return false;
    this.probes.set(key, { value: true, expiresAt: this.now() + ttlMs });
    return true;
  }

  async clear(provider: string): Promise<void> {
    this.records.delete(provider);
    this.failures.delete(provider);
  }

  private live<T>(map: Map<string, Entry<T>>, key: string): T | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      map.delete(key);
      return undefined;
    }
    return entry.value;
  }
}
