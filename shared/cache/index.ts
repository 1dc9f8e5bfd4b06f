/**
 * The cache service (backend-architecture.md system 10) on Upstash Redis: the spec's TTLs per
 * data type, workspace-namespaced and schema-versioned keys, single flight, invalidation by
 * pattern (SCAN), type and dependency, warming jobs, and statistics.
 */
export {
  agentResponseTtlSeconds,
  CACHE_DATA_TYPE_NAMES,
  CACHE_DATA_TYPES,
  type CacheDataTypeName,
  isCacheDataType,
  ttlFor,
} from "./data-types.ts";
export { cacheDependenciesForAgent, DEPENDENCIES, DEPENDENT_TYPES, type Dependency } from "./dependencies.ts";
export { type InvalidationResult, invalidateDependency, invalidatePattern, invalidateType } from "./invalidation.ts";
export { type AgentResponseKey, cacheKeyForAgentResponse, normalizeInput, PATTERN_SYNTAX } from "./keys.ts";
export {
  CACHE_TTLS,
  type CachedResult,
  type CacheOptions,
  type Computed,
  createCache,
  type GetOrComputeOptions,
  type Lookup,
  type SetOptions,
  WorkspaceCache,
} from "./service.ts";
export { type CacheStats, cacheStats, type TypeStats } from "./stats.ts";
export {
  buildCompetitorProfiles,
  type CompetitorProfile,
  getCompetitorProfile,
  type WarmDeps,
  warmCompetitorProfiles,
} from "./warm/competitor-profiles.ts";
export {
  buildMarketDigests,
  getMarketData,
  MARKET_DATA_TYPES,
  type MarketDigest,
  warmMarketData,
} from "./warm/market-data.ts";
export {
  DEFAULT_WARM_CRON,
  runWarming,
  scheduleWarming,
  unscheduleWarming,
  WARM_KINDS,
  WARM_PATH,
  WarmJob,
  type WarmKind,
  warmScheduleId,
} from "./warm/schedules.ts";
