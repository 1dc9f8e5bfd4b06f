import type { LanguageModelV3 } from "@ai-sdk/provider";
import { LoadAPIKeyError } from "ai";
import { createOfflineModel, OFFLINE_PROVIDER } from "./offline-provider.ts";
import type { ModelCandidate, ProviderKeys, ProviderName } from "./tiers.ts";

/** Makes a provider's model from its model id. */
export type ModelFactory = (modelId: string) => LanguageModelV3;

/** Loads a real provider's SDK for an API key; called at most once per provider and resolver. */
export type ProviderLoader = (apiKey: string) => Promise<ModelFactory>;

/** Loaders for the real providers (see provider-loaders.ts). */
export type ProviderLoaders = Partial<Record<Exclude<ProviderName, typeof OFFLINE_PROVIDER>, ProviderLoader>>;

const KEY_SETTING = {
  anthropic: "ANTHROPIC_API_KEY",
  openai: "OPENAI_API_KEY",
  google: "GOOGLE_GENERATIVE_AI_API_KEY",
} as const;

/**
 * A `resolveModel` for the router: offline models are built in; a real provider's SDK is loaded on its first
 * use, and only when its key is configured, so a deployment without that key never loads its code.
 */
export function createModelResolver(
  keys: ProviderKeys,
  loaders: ProviderLoaders = {},
): (candidate: ModelCandidate) => Promise<LanguageModelV3> {
  const factories = new Map<ProviderName, Promise<ModelFactory>>();
  return async (candidate) => {
    const { provider } = candidate;
    if (provider === OFFLINE_PROVIDER) return createOfflineModel(candidate.model);
    let factory = factories.get(provider);
    if (!factory) {
      const setting = KEY_SETTING[provider];
      const apiKey = keys[setting];
      if (!apiKey) throw new LoadAPIKeyError({ message: `${setting} is not configured` });
      const loader = loaders[provider];
      if (!loader) throw new Error(`No SDK loader registered for provider ${provider}`);
      factory = loader(apiKey);
      // A failed load is not cached, so a transient import failure does not stick for the isolate's life.
      factory.catch(() => factories.delete(provider));
      factories.set(provider, factory);
    }
    return (await factory)(candidate.model);
  };
}
