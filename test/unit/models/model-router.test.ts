import type { LanguageModelV3 } from "@ai-sdk/provider";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { MemoryBreakerStore } from "../../../shared/models/breaker-store-memory.ts";
import { CircuitBreaker } from "../../../shared/models/circuit-breaker.ts";
import { ModelUnavailableError, StructuredOutputError } from "../../../shared/models/model-errors.ts";
import { generateStructured, type ModelSwitchEvent } from "../../../shared/models/model-router.ts";
import { type FaultStep, withFaults } from "../../../shared/models/offline-faults.ts";
import { createOfflineModel } from "../../../shared/models/offline-provider.ts";
import { costOf, UnknownModelPriceError } from "../../../shared/models/pricing.ts";
import { defaultTierRouting, type ModelCandidate, modelKey, type TierRouting } from "../../../shared/models/tiers.ts";

const Brief = v.object({
  headline: v.pipe(v.string(), v.maxLength(60)),
  angles: v.pipe(v.array(v.string()), v.minLength(2), v.maxLength(4)),
  confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});

const request = {
  tier: "balanced" as const,
  system: "You are a campaign strategist.",
  prompt: JSON.stringify({ product: "eco-friendly running shoes", market: "urban commuters" }),
  schema: Brief,
};

const ROUTING: TierRouting = {
  fast: [{ provider: "google", model: "gemini-2.5-flash" }],
  balanced: [
    { provider: "anthropic", model: "claude-sonnet-4-5" },
    { provider: "openai", model: "gpt-5" },
  ],
  strongest: [{ provider: "anthropic", model: "claude-opus-4-1" }],
};

/** Offline stand-ins for each routed model, with faults where a test asks for them. */
function setup(faults: Record<string, FaultStep | FaultStep[]> = {}, routing: TierRouting = ROUTING) {
  const clock = { now: 0 };
  const models = new Map<string, ReturnType<typeof withFaults>>();
  for (const tier of Object.values(routing)) {
    for (const candidate of tier) {
      const key = modelKey(candidate);
      models.set(key, withFaults(createOfflineModel(key), faults[key] ?? []));
    }
  }
  const sleeps: number[] = [];
  const switches: ModelSwitchEvent[] = [];
  const breaker = new CircuitBreaker(new MemoryBreakerStore(() => clock.now), {
    failureThreshold: 3,
    now: () => clock.now,
  });
  const deps = {
    routing,
    breaker,
    resolveModel: (candidate: ModelCandidate): LanguageModelV3 => {
      const model = models.get(modelKey(candidate));
      if (!model) throw new Error(`unrouted ${candidate.provider}`);
      return model;
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock.now += ms;
    },
    now: () => clock.now,
    onSwitch: (event: ModelSwitchEvent) => {
      switches.push(event);
    },
  };
  const calls = (key: string) => models.get(key)?.calls ?? 0;
  return { deps, clock, sleeps, switches, calls, breaker };
}

describe("generateStructured", () => {
  it("returns a schema-valid object with usage, cost and provenance", async () => {
    const { deps } = setup();
    const result = await generateStructured(request, deps);
    expect(v.safeParse(Brief, result.object).success).toBe(true);
    expect(result).toMatchObject({ provider: "anthropic", model: "claude-sonnet-4-5", tier: "balanced", attempts: 1 });
    expect(result.switches).toEqual([]);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.costUsd).toBeCloseTo(costOf("anthropic:claude-sonnet-4-5", result.usage), 12);
  });

  it("runs on the offline models by default", async () => {
    const { deps } = setup({}, defaultTierRouting({}));
    const result = await generateStructured({ ...request, tier: "strongest" }, deps);
    expect(result).toMatchObject({ provider: "offline", model: "strongest", tier: "strongest" });
  });

  it("retries transient failures with exponential backoff on the same provider", async () => {
    const { deps, sleeps, calls } = setup({ "anthropic:claude-sonnet-4-5": { kind: "transient", times: 2 } });
    const result = await generateStructured(request, deps);
    expect(result.provider).toBe("anthropic");
    expect(calls("anthropic:claude-sonnet-4-5")).toBe(3);
    expect(sleeps).toEqual([250, 500]);
    expect(result.attempts).toBe(3);
  });

  it("waits as long as a 429's Retry-After asks, within bounds", async () => {
    const { deps, sleeps } = setup({ "anthropic:claude-sonnet-4-5": { kind: "rate-limit", times: 1 } });
    await generateStructured(request, deps);
    expect(sleeps).toEqual([1000]);
  });

  it("falls back to the next provider of the tier when one keeps failing, and reports the switch", async () => {
    const { deps, switches, calls } = setup({ "anthropic:claude-sonnet-4-5": { kind: "transient", times: 100 } });
    const result = await generateStructured(request, deps);
    expect(result).toMatchObject({ provider: "openai", model: "gpt-5", tier: "balanced" });
    expect(calls("anthropic:claude-sonnet-4-5")).toBe(3);
    expect(result.attempts).toBe(4);
    expect(switches).toHaveLength(1);
    expect(switches[0]).toMatchObject({
      from: { provider: "anthropic", model: "claude-sonnet-4-5", tier: "balanced" },
      to: { provider: "openai", model: "gpt-5", tier: "balanced" },
      reason: "transient_failure",
      tierDowngrade: false,
    });
    expect(result.switches).toEqual(switches);
  });

  it("skips a provider whose breaker is open without calling it, then probes it after the cool-down", async () => {
    const { deps, switches, calls, clock, breaker } = setup({
      "anthropic:claude-sonnet-4-5": { kind: "transient", times: 3 },
    });
    await generateStructured(request, deps);
    expect(await breaker.state("anthropic")).toBe("open");

    const second = await generateStructured(request, deps);
    expect(second.provider).toBe("openai");
    expect(calls("anthropic:claude-sonnet-4-5")).toBe(3);
    expect(switches.at(-1)?.reason).toBe("circuit_open");

    clock.now += 60_000;
    const third = await generateStructured(request, deps);
    expect(third.provider).toBe("anthropic");
    expect(await breaker.state("anthropic")).toBe("closed");
  });

  it("lets a probe that answered close the breaker, even if its repair call then fails", async () => {
    const { deps, clock, breaker } = setup({
      "anthropic:claude-sonnet-4-5": [
        { kind: "transient", times: 3 },
        { kind: "invalid-output", times: 1 },
        { kind: "transient", times: 1 },
      ],
    });
    await generateStructured(request, deps);
    clock.now += 60_000;
    const result = await generateStructured(request, deps);
    expect(result.provider).toBe("openai");
    expect(await breaker.state("anthropic")).toBe("closed");
  });

  it("does not retry a permanent (4xx) error, and moves on", async () => {
    const { deps, sleeps, switches, calls } = setup({ "anthropic:claude-sonnet-4-5": { kind: "permanent", times: 1 } });
    const result = await generateStructured(request, deps);
    expect(calls("anthropic:claude-sonnet-4-5")).toBe(1);
    expect(sleeps).toEqual([]);
    expect(result.provider).toBe("openai");
    expect(switches[0]).toMatchObject({ reason: "permanent_failure" });
  });

  it("repairs schema-invalid output once by re-asking with the validation errors", async () => {
    const { deps, calls } = setup({ "anthropic:claude-sonnet-4-5": { kind: "invalid-output", times: 1 } });
    const result = await generateStructured(request, deps);
    expect(result.provider).toBe("anthropic");
    expect(result.attempts).toBe(2);
    expect(calls("anthropic:claude-sonnet-4-5")).toBe(2);
    expect(v.safeParse(Brief, result.object).success).toBe(true);
  });

  it("repairs malformed JSON the same way", async () => {
    const { deps } = setup({ "anthropic:claude-sonnet-4-5": { kind: "malformed-json", times: 1 } });
    const result = await generateStructured(request, deps);
    expect(result.attempts).toBe(2);
  });

  it("fails with StructuredOutputError when the repair is invalid too, without trying other models", async () => {
    const { deps, calls } = setup({ "anthropic:claude-sonnet-4-5": { kind: "invalid-output", times: 2 } });
    const error = await generateStructured(request, deps).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect((error as StructuredOutputError).issues.join(" ")).toMatch(/headline|angles|confidence/);
    expect(calls("anthropic:claude-sonnet-4-5")).toBe(2);
    expect(calls("openai:gpt-5")).toBe(0);
    // Both answers were billed, so the error carries what they cost.
    expect((error as StructuredOutputError).spent).toMatchObject({ attempts: 2 });
    expect((error as StructuredOutputError).spent.costUsd).toBeGreaterThan(0);
  });

  it("downgrades to a cheaper tier when the whole tier fails", async () => {
    const { deps, switches } = setup({
      "anthropic:claude-opus-4-1": { kind: "permanent", times: 1 },
    });
    const result = await generateStructured({ ...request, tier: "strongest" }, deps);
    expect(result).toMatchObject({ tier: "balanced", provider: "anthropic", model: "claude-sonnet-4-5" });
    expect(switches[0]).toMatchObject({ tierDowngrade: true, to: { tier: "balanced" } });
  });

  it("throws ModelUnavailableError listing every failure when nothing answers", async () => {
    const { deps } = setup({
      "anthropic:claude-opus-4-1": { kind: "permanent", times: 1 },
      "anthropic:claude-sonnet-4-5": { kind: "permanent", times: 1 },
    });
    const error = await generateStructured({ ...request, tier: "strongest", allowDowngrade: false }, deps).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as ModelUnavailableError).failures).toMatchObject([
      { provider: "anthropic", model: "claude-opus-4-1", reason: "permanent_failure", statusCode: 400 },
    ]);
    expect((error as ModelUnavailableError).spent).toEqual({
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      attempts: 1,
    });
  });

  it("refuses a model that has no price before calling it", async () => {
    const routing: TierRouting = { ...ROUTING, balanced: [{ provider: "openai", model: "gpt-unpriced" }] };
    const { deps, calls } = setup({}, routing);
    await expect(generateStructured(request, deps)).rejects.toBeInstanceOf(UnknownModelPriceError);
    expect(calls("openai:gpt-unpriced")).toBe(0);
  });
});
