import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../shared/config/config.ts";
import { faultPlanFor, loadModelSettings } from "../../../shared/models/model-settings.ts";

const FAULTS = JSON.stringify([
  { agent: "MUSE-001", model: "offline:balanced", steps: [{ kind: "invalid-output", times: 2 }] },
  { model: "anthropic", steps: [{ kind: "transient", times: 1000 }] },
]);

describe("loadModelSettings", () => {
  it("happy: reads MODEL_ROUTING and MODEL_FAULTS in test", () => {
    const settings = loadModelSettings({
      ENVIRONMENT: "test",
      MODEL_ROUTING: JSON.stringify({
        fast: ["offline:fast"],
        balanced: ["anthropic:claude-sonnet-4-5", "openai:gpt-5"],
        strongest: ["offline:strongest"],
      }),
      MODEL_FAULTS: FAULTS,
    });
    expect(settings.simulated).toBe(true);
    expect(settings.routing?.balanced).toEqual([
      { provider: "anthropic", model: "claude-sonnet-4-5" },
      { provider: "openai", model: "gpt-5" },
    ]);
    expect(settings.faults).toHaveLength(2);
  });

  it("security: ignores MODEL_FAULTS in production and simulates no provider", () => {
    const settings = loadModelSettings({ ENVIRONMENT: "production", MODEL_FAULTS: FAULTS });
    expect(settings).toEqual({ faults: [], simulated: false });
  });

  it("error: refuses unpriced models and malformed JSON, naming the setting", () => {
    expect(() =>
      loadModelSettings({
        MODEL_ROUTING: '{"fast":["openai:gpt-9"],"balanced":["offline:balanced"],"strongest":["offline:strongest"]}',
      }),
    ).toThrow(/MODEL_ROUTING\.fast\.0: model has no price/);
    expect(() => loadModelSettings({ ENVIRONMENT: "test", MODEL_FAULTS: "[{" })).toThrow(ConfigError);
    expect(() =>
      loadModelSettings({ ENVIRONMENT: "test", MODEL_FAULTS: '[{"steps":[{"kind":"boom","times":1}]}]' }),
    ).toThrow(/MODEL_FAULTS/);
  });

  it("matches fault rules by agent and by provider or provider:model", () => {
    const { faults } = loadModelSettings({ ENVIRONMENT: "test", MODEL_FAULTS: FAULTS });
    expect(faultPlanFor(faults, "MUSE-001", { provider: "offline", model: "balanced" })).toEqual([
      { kind: "invalid-output", times: 2 },
    ]);
    expect(faultPlanFor(faults, "MUSE-002", { provider: "offline", model: "balanced" })).toEqual([]);
    expect(faultPlanFor(faults, "RES-001", { provider: "anthropic", model: "claude-haiku-4-5" })).toEqual([
      { kind: "transient", times: 1000 },
    ]);
  });
});
