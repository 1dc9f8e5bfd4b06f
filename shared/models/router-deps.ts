import type { LanguageModelV3 } from "@ai-sdk/provider";
import type { Redis } from "@upstash/redis/cloudflare";
import type { Config } from "../config/config.ts";
import type { Logger } from "../logging/logger.ts";
import { RedisBreakerStore } from "./breaker-store-redis.ts";
import { CircuitBreaker } from "./circuit-breaker.ts";
import { createModelResolver } from "./model-resolver.ts";
import type { ModelRouterDeps, ModelSwitchEvent } from "./model-router.ts";
import { faultPlanFor, type ModelSettings } from "./model-settings.ts";
import { withFaults } from "./offline-faults.ts";
import { createOfflineModel, OFFLINE_PROVIDER } from "./offline-provider.ts";
import { providerLoaders } from "./provider-loaders.ts";
import { configuredProviders, defaultTierRouting, type ModelCandidate, type ProviderKeys } from "./tiers.ts";

/** What the Worker wires the model router from. */
export interface RouterWiring {
  config: Config;
  settings: ModelSettings;
  redis: Redis;
  logger: Logger;
  /** The agent the calls are made for: fault rules may target one agent. */
  agentCode: string;
  onSwitch?: (event: ModelSwitchEvent) => void | Promise<void>;
}

/**
 * The router's dependencies for one execution: routing from `MODEL_ROUTING` or the configured keys,
 * breakers in Redis (shared by every isolate), real SDKs loaded lazily, and — in local and test only —
 * keyless providers simulated by the offline model and `MODEL_FAULTS` applied.
 */
export function createRouterDeps(wiring: RouterWiring): ModelRouterDeps {
  const { config, settings, logger } = wiring;
  const keys: ProviderKeys = {
    OPENAI_API_KEY: config.OPENAI_API_KEY,
    ANTHROPIC_API_KEY: config.ANTHROPIC_API_KEY,
    GOOGLE_GENERATIVE_AI_API_KEY: config.GOOGLE_GENERATIVE_AI_API_KEY,
  };
  const configured = configuredProviders(keys);
  const real = createModelResolver(keys, providerLoaders);
  const resolveModel = async (candidate: ModelCandidate): Promise<LanguageModelV3> => {
    const simulate =
      settings.simulated && candidate.provider !== OFFLINE_PROVIDER && !configured.has(candidate.provider);
    const model = simulate ? createOfflineModel(candidate.model) : await real(candidate);
    if (!settings.simulated) return model;
    const plan = faultPlanFor(settings.faults, wiring.agentCode, candidate);
    return plan.length > 0 ? withFaults(model, plan) : model;
  };
  return {
    routing: settings.routing ?? defaultTierRouting(keys),
    resolveModel,
    breaker: new CircuitBreaker(new RedisBreakerStore(wiring.redis), {
      onTransition: (transition) => logger.warn("model circuit breaker transition", { ...transition }),
    }),
    ...(wiring.onSwitch ? { onSwitch: wiring.onSwitch } : {}),
  };
}
