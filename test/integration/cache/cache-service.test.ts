import { generateText } from "ai";
import { describe, expect, it } from "vitest";
import { CACHE_DATA_TYPES } from "../../../shared/cache/data-types.ts";
import { cacheKey } from "../../../shared/cache/keys.ts";
import { createCache } from "../../../shared/cache/service.ts";
import { cacheStats } from "../../../shared/cache/stats.ts";
import { costOf, createOfflineModel } from "../../../shared/models/index.ts";
import { freshWorkspaceId, manualClock, testServices } from "./services.ts";

const services = testServices();
const { redis } = services;
const DAY_MS = 24 * 3_600 * 1_000;

/** An offline model that counts its calls: "one model call" is what single flight promises. */
function countingModel() {
  const model = createOfflineModel("balanced");
  let calls = 0;
  const counted = {
    ...model,
    doGenerate: async (options: Parameters<typeof model.doGenerate>[0]) => {
      calls++;
      // A model call takes time: long enough for every concurrent caller to arrive first.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return model.doGenerate(options);
    },
  };
  return { model: counted, calls: () => calls };
}

async function invokeModel(model: ReturnType<typeof countingModel>["model"], prompt: string) {
  const result = await generateText({ model, prompt });
  const usage = { inputTokens: result.usage.inputTokens ?? 0, outputTokens: result.usage.outputTokens ?? 0 };
  return { value: result.text, costUsd: costOf("offline:balanced", usage) };
}

describe("cache hit, miss and expiry", () => {
  it("happy: a miss, then a hit; both counted", async () => {
    const cache = createCache({ redis, workspaceId: freshWorkspaceId() });
    expect(await cache.get("personas", "urban-commuter")).toEqual({ hit: false });
    await cache.set("personas", "urban-commuter", { name: "Urban commuter" }, { costUsd: 0.002 });
    expect(await cache.get("personas", "urban-commuter")).toMatchObject({
      hit: true,
      value: { name: "Urban commuter" },
    });
    const stats = await cache.stats();
    expect(stats).toMatchObject({ hits: 1, misses: 1, hit_rate: 0.5, saved_usd: 0.002, keys: 1 });
    expect(stats.by_type.personas).toMatchObject({ hits: 1, misses: 1, keys: 1, ttl_seconds: 30 * 24 * 3_600 });
  });

  it("happy: values expire by the controllable clock at their type's TTL, and Redis holds the same TTL", async () => {
    const clock = manualClock();
    const workspaceId = freshWorkspaceId();
    const cache = createCache({ redis, workspaceId, clock: clock.now });
    await cache.set("market_data", "market_trend", { items: [] });
    const ttl = await redis.ttl(cacheKey(workspaceId, "market_data", "market_trend"));
    expect(ttl).toBeGreaterThan(CACHE_DATA_TYPES.market_data.ttlSeconds - 5);
    expect(ttl).toBeLessThanOrEqual(CACHE_DATA_TYPES.market_data.ttlSeconds);

    clock.advance(7 * DAY_MS - 1);
    expect((await cache.get("market_data", "market_trend")).hit).toBe(true);
    clock.advance(1);
    expect((await cache.get("market_data", "market_trend")).hit).toBe(false);
    // The expired value is gone, and counted as an eviction.
    expect(await redis.exists(cacheKey(workspaceId, "market_data", "market_trend"))).toBe(0);
    expect((await cache.stats()).evictions).toEqual({ expired: 1, invalidated: 0, total: 1 });
  });

  it("happy: agent responses accept the spec's 24–48 h range and no more", async () => {
    const clock = manualClock();
    const workspaceId = freshWorkspaceId();
    const cache = createCache({ redis, workspaceId, clock: clock.now });
    await cache.set("agent_responses", "a", "answer", { ttlSeconds: 72 * 3_600 });
    clock.advance(48 * 3_600 * 1_000);
    expect((await cache.get("agent_responses", "a")).hit).toBe(false);
  });

  it("edge: a value stored in another shape is never returned", async () => {
    const workspaceId = freshWorkspaceId();
    const cache = createCache({ redis, workspaceId });
    const key = cacheKey(workspaceId, "personas", "p");
    await redis.set(key, { name: "written by an older release without an envelope" });
    expect(await cache.get("personas", "p")).toEqual({ hit: false });
    expect(await redis.exists(key)).toBe(0);
  });
});

describe("single flight", () => {
  it("happy: concurrent identical requests from separate isolates make one model call", async () => {
    const workspaceId = freshWorkspaceId();
    const { model, calls } = countingModel();
    // One cache service per "request": they share nothing but Redis, as separate isolates would.
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        createCache({ redis, workspaceId }).getOrCompute("agent_responses", "MUSE-001:balanced:k1:same", () =>
          invokeModel(model, "Three headlines for the spring running-shoe launch"),
        ),
      ),
    );
    expect(calls()).toBe(1);
    expect(new Set(results.map((result) => result.value)).size).toBe(1);
    expect(results.filter((result) => !result.cached)).toHaveLength(1);
    const computed = results.find((result) => !result.cached)!;
    expect(computed.costUsd).toBeGreaterThan(0);
    for (const result of results.filter((r) => r.cached)) expect(result).toMatchObject({ coalesced: true, costUsd: 0 });
    const stats = await cacheStats(redis, workspaceId);
    expect(stats).toMatchObject({ misses: 1, coalesced: 5, hits: 0 });
    expect(stats.saved_usd).toBeCloseTo(computed.costUsd * 5, 6);
    // A later identical request is a plain hit at zero cost.
    const later = await createCache({ redis, workspaceId }).getOrCompute(
      "agent_responses",
      "MUSE-001:balanced:k1:same",
      () => invokeModel(model, "never called"),
    );
    expect(later).toMatchObject({ cached: true, coalesced: false, costUsd: 0 });
    expect(calls()).toBe(1);
  });

  it("happy: concurrent callers in one isolate share one computation too", async () => {
    const cache = createCache({ redis, workspaceId: freshWorkspaceId() });
    const { model, calls } = countingModel();
    await Promise.all(
      Array.from({ length: 4 }, () => cache.getOrCompute("embeddings", "q", () => invokeModel(model, "q"))),
    );
    expect(calls()).toBe(1);
  });

  it("error: when the computing caller fails, a waiting caller takes over; nothing failed is cached", async () => {
    const workspaceId = freshWorkspaceId();
    let attempts = 0;
    const compute = async () => {
      attempts++;
      await new Promise((resolve) => setTimeout(resolve, 150));
      if (attempts === 1) throw new Error("provider down");
      return { value: "recovered" };
    };
    const settled = await Promise.allSettled(
      Array.from({ length: 3 }, () => createCache({ redis, workspaceId }).getOrCompute("personas", "p", compute)),
    );
    expect(attempts).toBe(2);
    expect(settled.filter((s) => s.status === "rejected")).toHaveLength(1);
    const values = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value.value] : []));
    expect(values).toEqual(["recovered", "recovered"]);
  });

  it("happy: refresh (a user asking to regenerate) recomputes and replaces the value", async () => {
    const cache = createCache({ redis, workspaceId: freshWorkspaceId() });
    await cache.set("campaign_results", "spring", { ctr: 0.01 });
    const refreshed = await cache.getOrCompute("campaign_results", "spring", async () => ({ value: { ctr: 0.03 } }), {
      refresh: true,
    });
    expect(refreshed).toMatchObject({ cached: false, value: { ctr: 0.03 } });
    expect(await cache.get("campaign_results", "spring")).toMatchObject({ hit: true, value: { ctr: 0.03 } });
  });
});

describe("invalidation", () => {
  it("happy: manual invalidation by pattern removes only matching keys of the workspace (SCAN)", async () => {
    const mine = createCache({ redis, workspaceId: freshWorkspaceId() });
    const theirs = createCache({ redis, workspaceId: freshWorkspaceId() });
    await mine.set("agent_responses", "LORD-004:balanced:k1:a", 1);
    await mine.set("agent_responses", "MUSE-001:fast:k1:b", 2);
    await mine.set("market_data", "economic", 3);
    await theirs.set("agent_responses", "LORD-004:balanced:k1:a", 4);

    expect(await mine.invalidate("agent_responses:*:LORD-004:*")).toEqual({
      removed: 1,
      by_type: { agent_responses: 1 },
    });
    expect(await mine.invalidate("agent_responses:*")).toEqual({ removed: 1, by_type: { agent_responses: 1 } });
    expect((await mine.get("market_data", "economic")).hit).toBe(true);
    expect((await theirs.get("agent_responses", "LORD-004:balanced:k1:a")).hit).toBe(true);
    // `*` clears the workspace's values but never its statistics.
    await mine.invalidate("*");
    expect(await mine.stats()).toMatchObject({ keys: 0, evictions: { invalidated: 3 } });
  });

  it("happy: dependent data — new brand guidelines drop the Aesthete reviews that declared them; competitor intel drops profiles", async () => {
    const cache = createCache({ redis, workspaceId: freshWorkspaceId() });
    await cache.set("agent_responses", "LORD-004:strongest:k1:review", "approved", { dependsOn: ["brand_guidelines"] });
    await cache.set("agent_responses", "MUSE-001:fast:k1:headline", "headline");
    await cache.set("competitor_profiles", "initech", { name: "Initech" });

    expect(await cache.invalidateDependency("brand_guidelines")).toEqual({
      removed: 1,
      by_type: { agent_responses: 1 },
    });
    expect((await cache.get("agent_responses", "LORD-004:strongest:k1:review")).hit).toBe(false);
    expect((await cache.get("agent_responses", "MUSE-001:fast:k1:headline")).hit).toBe(true);

    expect(await cache.invalidateDependency("competitor_intel")).toEqual({
      removed: 1,
      by_type: { competitor_profiles: 1 },
    });
    expect((await cache.get("competitor_profiles", "initech")).hit).toBe(false);
  });

  it("happy: a user action deletes one value", async () => {
    const cache = createCache({ redis, workspaceId: freshWorkspaceId() });
    await cache.set("user_preferences", "alice", { theme: "dark" });
    expect(await cache.delete("user_preferences", "alice")).toBe(true);
    expect(await cache.delete("user_preferences", "alice")).toBe(false);
    expect((await cache.get("user_preferences", "alice")).hit).toBe(false);
  });
});
