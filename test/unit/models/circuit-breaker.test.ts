import type { Redis } from "@upstash/redis/cloudflare";
import { describe, expect, it } from "vitest";
import { MemoryBreakerStore } from "../../../shared/models/breaker-store-memory.ts";
import { RedisBreakerStore } from "../../../shared/models/breaker-store-redis.ts";
import { type BreakerTransition, CircuitBreaker } from "../../../shared/models/circuit-breaker.ts";

function setup() {
  const clock = { now: 1_000_000 };
  const transitions: BreakerTransition[] = [];
  const breaker = new CircuitBreaker(new MemoryBreakerStore(() => clock.now), {
    failureThreshold: 3,
    windowMs: 10_000,
    coolDownMs: 30_000,
    probeTimeoutMs: 5_000,
    now: () => clock.now,
    onTransition: (transition) => transitions.push(transition),
  });
  const fail = async (times: number) => {
    for (let i = 0; i < times; i++) await breaker.recordFailure("anthropic", await breaker.acquire("anthropic"));
  };
  return { clock, breaker, transitions, fail };
}

describe("circuit breaker", () => {
  it("stays closed below the threshold and opens when it is reached within the window", async () => {
    const { breaker, fail, transitions } = setup();
    await fail(2);
    expect(await breaker.state("anthropic")).toBe("closed");
    expect((await breaker.acquire("anthropic")).allowed).toBe(true);
    await fail(1);
    expect(await breaker.state("anthropic")).toBe("open");
    expect(transitions.map((t) => `${t.from}>${t.to}`)).toEqual(["closed>open"]);
    expect(await breaker.state("openai")).toBe("closed");
  });

  it("forgets failures once their window has passed", async () => {
    const { breaker, fail, clock } = setup();
    await fail(2);
    clock.now += 10_001;
    await fail(2);
    expect(await breaker.state("anthropic")).toBe("closed");
  });

  it("rejects while open, then lets exactly one probe through after the cool-down", async () => {
    const { breaker, fail, clock } = setup();
    await fail(3);
    clock.now += 10_000;
    const rejected = await breaker.acquire("anthropic");
    expect(rejected).toMatchObject({ allowed: false, state: "open", retryAfterMs: 20_000 });

    clock.now += 20_000;
    const probe = await breaker.acquire("anthropic");
    expect(probe).toMatchObject({ allowed: true, state: "half-open", probe: true });
    expect(await breaker.acquire("anthropic")).toMatchObject({ allowed: false, state: "half-open" });
    expect(await breaker.state("anthropic")).toBe("half-open");
  });

  it("closes when the probe succeeds", async () => {
    const { breaker, fail, clock, transitions } = setup();
    await fail(3);
    clock.now += 30_000;
    await breaker.recordSuccess("anthropic", await breaker.acquire("anthropic"));
    expect(await breaker.state("anthropic")).toBe("closed");
    // The failure count was reset too: it takes a full threshold to open again.
    await fail(2);
    expect(await breaker.state("anthropic")).toBe("closed");
    expect(transitions.map((t) => t.to)).toEqual(["open", "half-open", "closed"]);
  });

  it("re-opens for a full cool-down when the probe fails", async () => {
    const { breaker, fail, clock } = setup();
    await fail(3);
    clock.now += 30_000;
    await breaker.recordFailure("anthropic", await breaker.acquire("anthropic"));
    expect(await breaker.acquire("anthropic")).toMatchObject({ allowed: false, state: "open", retryAfterMs: 30_000 });
  });

  it("lets another probe through when the first never reports back", async () => {
    const { breaker, fail, clock } = setup();
    await fail(3);
    clock.now += 30_000;
    expect((await breaker.acquire("anthropic")).probe).toBe(true);
    clock.now += 5_000;
    expect((await breaker.acquire("anthropic")).probe).toBe(true);
  });

  it("ignores stragglers: late failures do not extend the cool-down, late successes do not close", async () => {
    const { breaker, fail, clock } = setup();
    const early = await breaker.acquire("anthropic");
    await fail(3);
    clock.now += 29_000;
    await breaker.recordFailure("anthropic", early);
    await breaker.recordSuccess("anthropic", early);
    expect(await breaker.state("anthropic")).toBe("open");
    clock.now += 1_000;
    expect(await breaker.state("anthropic")).toBe("half-open");
  });

  it("rejects a threshold below one when built", () => {
    expect(() => new CircuitBreaker(new MemoryBreakerStore(), { failureThreshold: 0 })).toThrow(RangeError);
  });
});

/** Just enough of Upstash Redis for the store, with TTLs on a manual clock. */
function fakeRedis(clock: { now: number }) {
  const data = new Map<string, { value: unknown; expiresAt: number }>();
  const live = (key: string) => {
    const entry = data.get(key);
    if (entry && entry.expiresAt <= clock.now) data.delete(key);
    return data.get(key);
  };
  const incr = (key: string) => {
    const entry = live(key);
    const value = Number(entry?.value ?? 0) + 1;
    data.set(key, { value, expiresAt: entry?.expiresAt ?? Number.POSITIVE_INFINITY });
    return value;
  };
  const pexpireNx = (key: string, ms: number) => {
    const entry = live(key);
    if (!entry || Number.isFinite(entry.expiresAt)) return 0;
    entry.expiresAt = clock.now + ms;
    return 1;
  };
  const redis = {
    data,
    get: async (key: string) => live(key)?.value ?? null,
    set: async (key: string, value: unknown, opts: { px: number; nx?: boolean }) => {
      if (opts.nx && live(key)) return null;
      data.set(key, { value, expiresAt: clock.now + opts.px });
      return "OK";
    },
    del: async (...keys: string[]) => keys.filter((key) => data.delete(key)).length,
    multi: () => {
      const ops: Array<() => number> = [];
      const chain = {
        incr: (key: string) => {
          ops.push(() => incr(key));
          return chain;
        },
        pexpire: (key: string, ms: number) => {
          ops.push(() => pexpireNx(key, ms));
          return chain;
        },
        exec: async () => ops.map((op) => op()),
      };
      return chain;
    },
  };
  return redis;
}

describe("RedisBreakerStore", () => {
  it("keeps state under circuit:{provider}:* keys with the window set by the first failure", async () => {
    const clock = { now: 0 };
    const redis = fakeRedis(clock);
    const store = new RedisBreakerStore(redis as unknown as Redis);
    expect(await store.addFailure("google", 1_000)).toBe(1);
    clock.now = 600;
    expect(await store.addFailure("google", 1_000)).toBe(2);
    clock.now = 1_000;
    expect(await store.addFailure("google", 1_000)).toBe(1);

    await store.write("google", { state: "open", openedAt: 1_000 }, 5_000);
    expect(await store.read("google")).toEqual({ state: "open", openedAt: 1_000 });
    expect([...redis.data.keys()].sort()).toEqual(["circuit:google:failures", "circuit:google:state"]);

    expect(await store.claimProbe("google", 1_000, 500)).toBe(true);
    expect(await store.claimProbe("google", 1_000, 500)).toBe(false);
    clock.now = 1_500;
    expect(await store.claimProbe("google", 1_000, 500)).toBe(true);

    await store.clear("google");
    expect(await store.read("google")).toBeNull();
    clock.now = 7_000;
    expect(await store.read("google")).toBeNull();
  });

  it("drives a CircuitBreaker end to end", async () => {
    const clock = { now: 0 };
    const breaker = new CircuitBreaker(new RedisBreakerStore(fakeRedis(clock) as unknown as Redis), {
      failureThreshold: 2,
      now: () => clock.now,
    });
    for (let i = 0; i < 2; i++) await breaker.recordFailure("openai", await breaker.acquire("openai"));
    expect(await breaker.state("openai")).toBe("open");
    clock.now += 60_000;
    await breaker.recordSuccess("openai", await breaker.acquire("openai"));
    expect(await breaker.state("openai")).toBe("closed");
  });
});
