import type { ModelTier } from "../models/tiers.ts";

/**
 * The cached data types of backend-architecture.md system 10, with the spec's TTLs. `schema`
 * is part of every key and stored value: bump it when a type's value shape changes and no
 * reader ever sees the old shape (old entries simply age out under their TTL).
 */

const HOUR = 3_600;
const DAY = 24 * HOUR;

/** How long one type of value lives, and the version of its shape. */
export interface CacheDataType {
  ttlSeconds: number;
  /** Longest TTL a caller may ask for; the spec gives agent responses a range. */
  maxTtlSeconds: number;
  schema: number;
  description: string;
}

export const CACHE_DATA_TYPES = {
  agent_responses: {
    ttlSeconds: DAY,
    maxTtlSeconds: 2 * DAY,
    schema: 1,
    description: "Agent outputs by (agent, normalized input, model tier, knowledge version): 24–48 h",
  },
  market_data: { ttlSeconds: 7 * DAY, maxTtlSeconds: 7 * DAY, schema: 1, description: "Market data digests: 7 d" },
  competitor_profiles: {
    ttlSeconds: 7 * DAY,
    maxTtlSeconds: 7 * DAY,
    schema: 1,
    description: "Competitor profiles: 7 d",
  },
  personas: { ttlSeconds: 30 * DAY, maxTtlSeconds: 30 * DAY, schema: 1, description: "Personas (cohorts): 30 d" },
  campaign_results: {
    ttlSeconds: 365 * DAY,
    maxTtlSeconds: 365 * DAY,
    schema: 1,
    description: "Results of finished campaigns: 1 year",
  },
  user_preferences: {
    ttlSeconds: 30 * DAY,
    maxTtlSeconds: 30 * DAY,
    schema: 1,
    description: "User and organization preferences: 30 d",
  },
  // With server-side embedding (Upstash's embedding model, or the local one in the stand-in) the
  // Worker never holds raw vectors; the RAG artefact worth caching is a retrieval, keyed by the
  // knowledge version so an ingest or delete can never serve a stale one.
  embeddings: {
    ttlSeconds: 7 * DAY,
    maxTtlSeconds: 7 * DAY,
    schema: 1,
    description: "RAG retrievals (query → chunks) by knowledge version: 7 d",
  },
} as const satisfies Record<string, CacheDataType>;

/** One of the cached data types. */
export type CacheDataTypeName = keyof typeof CACHE_DATA_TYPES;

/** Every data type, in the spec's order. */
export const CACHE_DATA_TYPE_NAMES = Object.keys(CACHE_DATA_TYPES) as CacheDataTypeName[];

/** True when `value` names a cached data type. */
export function isCacheDataType(value: unknown): value is CacheDataTypeName {
  return typeof value === "string" && Object.hasOwn(CACHE_DATA_TYPES, value);
}

/** The TTL to store with: the type's default, or the caller's wish clamped to 1 s…the type's maximum. */
export function ttlFor(type: CacheDataTypeName, requestedSeconds?: number): number {
  const spec = CACHE_DATA_TYPES[type];
  if (requestedSeconds === undefined) return spec.ttlSeconds;
  return Math.min(Math.max(1, Math.floor(requestedSeconds)), spec.maxTtlSeconds);
}

/**
 * Agent responses live 24 h, strongest-tier ones 48 h: the two ends of the spec's range, the
 * longer one for the outputs that cost the most to recompute.
 */
export function agentResponseTtlSeconds(tier: ModelTier): number {
  return tier === "strongest"
    ? CACHE_DATA_TYPES.agent_responses.maxTtlSeconds
    : CACHE_DATA_TYPES.agent_responses.ttlSeconds;
}
