import { LoadAPIKeyError } from "ai";
import { describe, expect, it } from "vitest";
import { createModelResolver, type ModelFactory } from "../../../shared/models/model-resolver.ts";
import { createOfflineModel } from "../../../shared/models/offline-provider.ts";

describe("createModelResolver", () => {
  it("builds offline models without any key or loader", async () => {
    const model = await createModelResolver({})({ provider: "offline", model: "balanced" });
    expect(model).toMatchObject({ provider: "offline", modelId: "balanced", specificationVersion: "v3" });
  });

  it("never loads a provider whose key is not configured", async () => {
    let loads = 0;
    const resolve = createModelResolver(
      { ANTHROPIC_API_KEY: "" },
      {
        anthropic: async () => {
          loads++;
          return createOfflineModel;
        },
      },
    );
    await expect(resolve({ provider: "anthropic", model: "claude-sonnet-4-5" })).rejects.toBeInstanceOf(
      LoadAPIKeyError,
    );
    expect(loads).toBe(0);
  });

  it("loads a configured provider once, with its key, and reuses it", async () => {
    const keys: string[] = [];
    const resolve = createModelResolver(
      { OPENAI_API_KEY: "sk-test" },
      {
        openai: async (apiKey): Promise<ModelFactory> => {
          keys.push(apiKey);
          return (modelId) => createOfflineModel(`openai/${modelId}`);
        },
      },
    );
    const [a, b] = await Promise.all([
      resolve({ provider: "openai", model: "gpt-5" }),
      resolve({ provider: "openai", model: "gpt-5-mini" }),
    ]);
    expect([a.modelId, b.modelId]).toEqual(["openai/gpt-5", "openai/gpt-5-mini"]);
    expect(keys).toEqual(["sk-test"]);
  });

  it("says so when a configured provider has no loader", async () => {
    const resolve = createModelResolver({ GOOGLE_GENERATIVE_AI_API_KEY: "g" });
    await expect(resolve({ provider: "google", model: "gemini-2.5-flash" })).rejects.toThrow(/No SDK loader/);
  });
});
