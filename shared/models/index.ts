export type { BreakerOptions, BreakerRecord, BreakerState } from "./breaker-logic.ts";
export { DEFAULT_BREAKER_OPTIONS } from "./breaker-logic.ts";
export { MemoryBreakerStore } from "./breaker-store-memory.ts";
export { RedisBreakerStore } from "./breaker-store-redis.ts";
export type { RetryPolicy, StructuredPrompt } from "./candidate-call.ts";
export type { BreakerStore, BreakerTicket, BreakerTransition, CircuitBreakerOptions } from "./circuit-breaker.ts";
export { CircuitBreaker } from "./circuit-breaker.ts";
export type { AnySchema } from "./json-schema.ts";
export { jsonSchemaOf } from "./json-schema.ts";
export type { CandidateFailure, Spend, SwitchReason } from "./model-errors.ts";
export { ModelUnavailableError, StructuredOutputError } from "./model-errors.ts";
export type { ModelFactory, ProviderLoader, ProviderLoaders } from "./model-resolver.ts";
export { createModelResolver } from "./model-resolver.ts";
export type {
  GenerateStructuredRequest,
  ModelRouterDeps,
  ModelSwitchEvent,
  StructuredResult,
  TieredCandidate,
} from "./model-router.ts";
export { candidatesFor, DEFAULT_RETRY, generateStructured } from "./model-router.ts";
export type { FaultKind, FaultStep, FaultyModel } from "./offline-faults.ts";
export { withFaults } from "./offline-faults.ts";
export type { OfflineReply } from "./offline-provider.ts";
export { createOfflineModel, OFFLINE_PROVIDER, offlineReply } from "./offline-provider.ts";
export type { ModelPrice, PriceTable, TokenUsage } from "./pricing.ts";
export { costAt, costOf, DEFAULT_PRICES, priceOf, UnknownModelPriceError } from "./pricing.ts";
export type { ModelCandidate, ModelTier, ProviderKeys, ProviderName, TaskType, TierRouting } from "./tiers.ts";
export {
  cheaperTiers,
  configuredProviders,
  defaultTierRouting,
  MODEL_TIERS,
  modelKey,
  TASK_TIER,
  TASK_TYPES,
  tierForTask,
} from "./tiers.ts";
