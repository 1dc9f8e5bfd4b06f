import type { Config } from "../config/config.ts";
import { OFFLINE_PROVIDER } from "./offline-provider.ts";

/** Model tiers, cheapest first. */
export const MODEL_TIERS = ["fast", "balanced", "strongest"] as const;

/** A model tier: `fast` for volume, `balanced` for creative work, `strongest` for strategy. */
export type ModelTier = (typeof MODEL_TIERS)[number];

/** The task types the cost design routes on (backend-architecture.md, system 11 `select_optimal_model`). */
export const TASK_TYPES = ["research", "analysis", "content_gen", "synthesis", "strategy"] as const;

/** A kind of work an agent does; decides its default tier. */
export type TaskType = (typeof TASK_TYPES)[number];

/** The spec's default routing: Gemini Flash for research and analysis, Sonnet for content and synthesis, Opus for strategy. */
export const TASK_TIER: Readonly<Record<TaskType, ModelTier>> = {
  research: "fast",
  analysis: "fast",
  content_gen: "balanced",
  synthesis: "balanced",
  strategy: "strongest",
};

/** Providers a model can come from. */
export type ProviderName = "anthropic" | "openai" | "google" | typeof OFFLINE_PROVIDER;

/** One model to try: the provider and that provider's model id. */
export interface ModelCandidate {
  provider: ProviderName;
  model: string;
}

/** For each tier, the candidates in fallback order. */
export type TierRouting = Readonly<Record<ModelTier, readonly ModelCandidate[]>>;

/** The API keys that switch real providers on. */
export type ProviderKeys = Partial<
  Pick<Config, "OPENAI_API_KEY" | "ANTHROPIC_API_KEY" | "GOOGLE_GENERATIVE_AI_API_KEY">
>;

/** The default tier for a task type. */
export function tierForTask(taskType: TaskType): ModelTier {
  return TASK_TIER[taskType];
}

/** The tiers to fall back to after `tier`, strongest → balanced → fast. */
export function cheaperTiers(tier: ModelTier): ModelTier[] {
  return MODEL_TIERS.slice(0, MODEL_TIERS.indexOf(tier)).reverse();
}

/** `provider:model`, the form candidates take in logs, events and the price table. */
export function modelKey(candidate: ModelCandidate): string {
  return `${candidate.provider}:${candidate.model}`;
}

// Per tier, the real models in preference order: the spec's choice first (Gemini Flash for volume,
// Claude for content and strategy), the other providers as same-tier fallbacks.
const REAL_MODELS: Record<ModelTier, readonly ModelCandidate[]> = {
  fast: [
    { provider: "google", model: "gemini-2.5-flash" },
    { provider: "openai", model: "gpt-5-mini" },
    { provider: "anthropic", model: "claude-haiku-4-5" },
  ],
  balanced: [
    { provider: "anthropic", model: "claude-sonnet-4-5" },
    { provider: "openai", model: "gpt-5" },
    { provider: "google", model: "gemini-2.5-pro" },
  ],
  strongest: [
    { provider: "anthropic", model: "claude-opus-4-1" },
    { provider: "openai", model: "o3" },
    { provider: "google", model: "gemini-2.5-pro" },
  ],
};

/** Which providers have a key configured. */
export function configuredProviders(keys: ProviderKeys): Set<ProviderName> {
  const configured = new Set<ProviderName>();
  if (keys.ANTHROPIC_API_KEY) configured.add("anthropic");
  if (keys.OPENAI_API_KEY) configured.add("openai");
  if (keys.GOOGLE_GENERATIVE_AI_API_KEY) configured.add("google");
  return configured;
}

/**
 * The routing for the configured keys: real models of the providers that have a key; offline models only
 * when no key is set at all, so a production deployment never quietly answers with offline output.
 */
export function defaultTierRouting(keys: ProviderKeys): TierRouting {
  const configured = configuredProviders(keys);
  if (configured.size === 0) {
    return {
      fast: [{ provider: OFFLINE_PROVIDER, model: "fast" }],
      balanced: [{ provider: OFFLINE_PROVIDER, model: "balanced" }],
      strongest: [{ provider: OFFLINE_PROVIDER, model: "strongest" }],
    };
  }
  const pick = (tier: ModelTier) => REAL_MODELS[tier].filter((candidate) => configured.has(candidate.provider));
  return { fast: pick("fast"), balanced: pick("balanced"), strongest: pick("strongest") };
}
