import { describe, expect, it } from "vitest";
import { costOf, DEFAULT_PRICES, priceOf, UnknownModelPriceError } from "../../../shared/models/pricing.ts";
import { cheaperTiers, defaultTierRouting, MODEL_TIERS, modelKey, tierForTask } from "../../../shared/models/tiers.ts";

describe("pricing", () => {
  it("computes USD cost from usage at per-million prices", () => {
    expect(costOf("anthropic:claude-sonnet-4-5", { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe(18);
    expect(
      costOf({ provider: "google", model: "gemini-2.5-flash" }, { inputTokens: 2_000, outputTokens: 1_000 }),
    ).toBeCloseTo(0.0031, 10);
    expect(costOf("openai:gpt-5", { inputTokens: 0, outputTokens: 0 })).toBe(0);
  });

  it("prices offline models as the tier they stand in for", () => {
    expect(priceOf("offline:fast")).toEqual(priceOf("google:gemini-2.5-flash"));
    expect(priceOf("offline:balanced")).toEqual(priceOf("anthropic:claude-sonnet-4-5"));
    expect(priceOf("offline:strongest")).toEqual(priceOf("anthropic:claude-opus-4-1"));
  });

  it("prices every model the routing can pick", () => {
    const all = defaultTierRouting({ OPENAI_API_KEY: "k", ANTHROPIC_API_KEY: "k", GOOGLE_GENERATIVE_AI_API_KEY: "k" });
    for (const tier of MODEL_TIERS)
      for (const candidate of all[tier]) expect(DEFAULT_PRICES[modelKey(candidate)]).toBeDefined();
  });

  it("refuses to price an unknown model rather than calling it free", () => {
    expect(() => costOf("openai:gpt-unknown", { inputTokens: 1, outputTokens: 1 })).toThrow(UnknownModelPriceError);
  });
});

describe("tiers", () => {
  it("routes research and analysis to fast, content and synthesis to balanced, strategy to strongest", () => {
    expect(tierForTask("research")).toBe("fast");
    expect(tierForTask("analysis")).toBe("fast");
    expect(tierForTask("content_gen")).toBe("balanced");
    expect(tierForTask("synthesis")).toBe("balanced");
    expect(tierForTask("strategy")).toBe("strongest");
  });

  it("downgrades strongest → balanced → fast", () => {
    expect(cheaperTiers("strongest")).toEqual(["balanced", "fast"]);
    expect(cheaperTiers("balanced")).toEqual(["fast"]);
    expect(cheaperTiers("fast")).toEqual([]);
  });

  it("uses the offline models when no provider key is configured", () => {
    const routing = defaultTierRouting({});
    expect(MODEL_TIERS.map((tier) => routing[tier].map(modelKey))).toEqual([
      ["offline:fast"],
      ["offline:balanced"],
      ["offline:strongest"],
    ]);
  });

  it("uses only the providers whose keys are configured, and never offline alongside them", () => {
    const routing = defaultTierRouting({ ANTHROPIC_API_KEY: "sk-ant", OPENAI_API_KEY: "" });
    expect(routing.fast.map(modelKey)).toEqual(["anthropic:claude-haiku-4-5"]);
    expect(routing.balanced.map(modelKey)).toEqual(["anthropic:claude-sonnet-4-5"]);
    expect(routing.strongest.map(modelKey)).toEqual(["anthropic:claude-opus-4-1"]);

    const all = defaultTierRouting({ ANTHROPIC_API_KEY: "a", OPENAI_API_KEY: "o", GOOGLE_GENERATIVE_AI_API_KEY: "g" });
    expect(all.fast[0]).toEqual({ provider: "google", model: "gemini-2.5-flash" });
    expect(all.strongest.map((c) => c.provider)).toEqual(["anthropic", "openai", "google"]);
  });
});
