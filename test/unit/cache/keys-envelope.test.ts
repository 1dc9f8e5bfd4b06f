import { describe, expect, it } from "vitest";
import { getAgent } from "../../../shared/agents/registry/index.ts";
import { agentResponseTtlSeconds, CACHE_DATA_TYPES, ttlFor } from "../../../shared/cache/data-types.ts";
import { cacheDependenciesForAgent } from "../../../shared/cache/dependencies.ts";
import { unwrap, wrap } from "../../../shared/cache/envelope.ts";
import {
  cacheKey,
  cacheKeyForAgentResponse,
  invalidationPattern,
  normalizeInput,
  typeOfKey,
} from "../../../shared/cache/keys.ts";

const WS = "0b000000-0000-4000-8000-0000000000aa";
const HOUR = 3_600;

describe("data types", () => {
  it("happy: the spec's TTLs", () => {
    expect(CACHE_DATA_TYPES.agent_responses.ttlSeconds).toBe(24 * HOUR);
    expect(CACHE_DATA_TYPES.agent_responses.maxTtlSeconds).toBe(48 * HOUR);
    expect(CACHE_DATA_TYPES.market_data.ttlSeconds).toBe(7 * 24 * HOUR);
    expect(CACHE_DATA_TYPES.competitor_profiles.ttlSeconds).toBe(7 * 24 * HOUR);
    expect(CACHE_DATA_TYPES.personas.ttlSeconds).toBe(30 * 24 * HOUR);
    expect(CACHE_DATA_TYPES.campaign_results.ttlSeconds).toBe(365 * 24 * HOUR);
    expect(CACHE_DATA_TYPES.user_preferences.ttlSeconds).toBe(30 * 24 * HOUR);
    expect(CACHE_DATA_TYPES.embeddings.ttlSeconds).toBe(7 * 24 * HOUR);
  });

  it("edge: requested TTLs are clamped to 1 s…the type's maximum; strongest-tier answers live 48 h", () => {
    expect(ttlFor("agent_responses")).toBe(24 * HOUR);
    expect(ttlFor("agent_responses", 100 * HOUR)).toBe(48 * HOUR);
    expect(ttlFor("agent_responses", 0)).toBe(1);
    expect(agentResponseTtlSeconds("strongest")).toBe(48 * HOUR);
    expect(agentResponseTtlSeconds("fast")).toBe(24 * HOUR);
  });
});

describe("keys", () => {
  it("happy: values are namespaced by workspace, type and schema version", () => {
    const key = cacheKey(WS.toUpperCase(), "market_data", "market_trend");
    expect(key).toBe(`cache:${WS}:market_data:v1:market_trend`);
    expect(typeOfKey(key)).toBe("market_data");
    expect(typeOfKey(`cache:${WS}:nope:v1:x`)).toBeUndefined();
  });

  it("happy: identical invocations share a key whatever the key order or spacing", async () => {
    const base = { agentCode: "MUSE-001", modelTier: "balanced" as const, knowledgeVersion: 7 };
    const a = await cacheKeyForAgentResponse({
      ...base,
      input: { topic: "spring  launch ", audience: ["urban", "commuters"] },
    });
    const b = await cacheKeyForAgentResponse({
      ...base,
      agentCode: "muse-001",
      input: { audience: ["urban", "commuters"], topic: "spring launch", extra: undefined },
    });
    expect(a).toBe(b);
    expect(a).toMatch(/^MUSE-001:balanced:k7:[0-9a-f]{64}$/);
  });

  it("happy: agent, tier, knowledge version, input and output version each change the key", async () => {
    const base = { agentCode: "MUSE-001", modelTier: "balanced" as const, knowledgeVersion: 7, input: { topic: "x" } };
    const keys = await Promise.all([
      cacheKeyForAgentResponse(base),
      cacheKeyForAgentResponse({ ...base, agentCode: "MUSE-002" }),
      cacheKeyForAgentResponse({ ...base, modelTier: "strongest" }),
      cacheKeyForAgentResponse({ ...base, knowledgeVersion: 8 }),
      cacheKeyForAgentResponse({ ...base, input: { topic: "y" } }),
      cacheKeyForAgentResponse({ ...base, outputVersion: "2" }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("happy: normalizeInput sorts keys, trims and collapses whitespace, keeps array order", () => {
    expect(normalizeInput({ b: " x  y ", a: [2, 1, undefined], c: { z: 1, y: null } })).toEqual({
      a: [2, 1, null],
      b: "x y",
      c: { y: null, z: 1 },
    });
    expect(JSON.stringify(normalizeInput({ b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });

  it("security: an invalidation pattern is confined to the workspace and may not use brackets or escapes", () => {
    expect(invalidationPattern(WS, "agent_responses:*")).toBe(`cache:${WS}:agent_responses:*`);
    for (const bad of ["", "[a-z]*", "\\*", "a b", "x".repeat(201), "*\n*"]) {
      expect(() => invalidationPattern(WS, bad), bad).toThrow(RangeError);
    }
  });
});

describe("envelope", () => {
  it("happy: a value is a hit until its TTL passes on the cache's clock", () => {
    const stored = wrap("personas", { name: "Urban commuter" }, 1_000, 60, 0.02);
    expect(unwrap("personas", stored, 1_000 + 59_999)).toEqual({ state: "hit", envelope: stored });
    expect(unwrap("personas", stored, 1_000 + 60_000)).toEqual({ state: "expired" });
    expect(unwrap("personas", null, 0)).toEqual({ state: "miss" });
  });

  it("edge: a value of another shape or type is never read as this one", () => {
    const stored = wrap("personas", { name: "x" }, 0, 60);
    expect(unwrap("personas", { ...stored, v: 0 }, 1)).toEqual({ state: "stale_shape" });
    expect(unwrap("market_data", stored, 1)).toEqual({ state: "stale_shape" });
    expect(unwrap("personas", "a bare string from an old release", 1)).toEqual({ state: "stale_shape" });
  });
});

describe("cacheDependenciesForAgent", () => {
  it("happy: the Aesthete and brand-safety validators depend on brand guidelines; competitor trackers on intel", () => {
    expect(cacheDependenciesForAgent(getAgent("LORD-004")!)).toEqual(["brand_guidelines"]);
    expect(cacheDependenciesForAgent(getAgent("GRD-007")!)).toEqual(["brand_guidelines"]);
    expect(cacheDependenciesForAgent(getAgent("MTX-001")!)).toEqual(["competitor_intel"]);
    expect(cacheDependenciesForAgent(getAgent("MUSE-001")!)).toEqual([]);
  });
});
