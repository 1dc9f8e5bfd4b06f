import type { ProviderLoaders } from "./model-resolver.ts";

/**
 * The real providers' SDKs, each imported lazily so the bundle's provider code only runs when that
 * provider's key is configured. Needs `@ai-sdk/anthropic`, `@ai-sdk/openai` and `@ai-sdk/google` (v3, for ai@6).
 */
export const providerLoaders: ProviderLoaders = {
  anthropic: async (apiKey) => {
    const { createAnthropic } = await import("@ai-sdk/anthropic");
    const provider = createAnthropic({ apiKey });
    return (modelId) => provider(modelId);
  },
  openai: async (apiKey) => {
    const { createOpenAI } = await import("@ai-sdk/openai");
    const provider = createOpenAI({ apiKey });
    return (modelId) => provider(modelId);
  },
  google: async (apiKey) => {
    const { createGoogleGenerativeAI } = await import("@ai-sdk/google");
    const provider = createGoogleGenerativeAI({ apiKey });
    return (modelId) => provider(modelId);
  },
};
