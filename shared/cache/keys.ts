import { sha256Hex } from "../knowledge/hashing.ts";
import type { ModelTier } from "../models/tiers.ts";
import { CACHE_DATA_TYPES, type CacheDataTypeName, isCacheDataType } from "./data-types.ts";

/**
 * Redis key layout. Values: `cache:{workspace}:{type}:v{schema}:{id}`, so one workspace's
 * values share a prefix no pattern can escape, and a schema bump moves a type to new keys.
 * Bookkeeping lives apart (`cachemeta:` stats and dependency sets, `cachelock:` single-flight
 * locks) so invalidating `*` never deletes the statistics or a lock someone holds.
 */

const VALUE_PREFIX = "cache";
const META_PREFIX = "cachemeta";
const LOCK_PREFIX = "cachelock";

/** The Redis key of one cached value. */
export function cacheKey(workspaceId: string, type: CacheDataTypeName, id: string): string {
  return `${workspacePrefix(workspaceId)}${type}:v${CACHE_DATA_TYPES[type].schema}:${id}`;
}

/** Every value key of a workspace starts with this. */
export function workspacePrefix(workspaceId: string): string {
  return `${VALUE_PREFIX}:${workspaceId.toLowerCase()}:`;
}

/** The data type a value key belongs to, if it is one of ours. */
export function typeOfKey(key: string): CacheDataTypeName | undefined {
  const type = key.split(":")[2];
  return isCacheDataType(type) ? type : undefined;
}

/** The hash of per-workspace counters (hits, misses, evictions, money saved). */
export function statsKey(workspaceId: string): string {
  return `${META_PREFIX}:${workspaceId.toLowerCase()}:stats`;
}

/** The set of value keys that depend on one kind of data (e.g. brand guidelines). */
export function dependencyKey(workspaceId: string, dependency: string): string {
  return `${META_PREFIX}:${workspaceId.toLowerCase()}:dep:${dependency}`;
}

/** The single-flight lock of one value key. */
export function lockKey(key: string): string {
  return `${LOCK_PREFIX}:${key}`;
}

/** What a manual invalidation pattern may contain: key characters and the `*`/`?` wildcards. */
export const PATTERN_SYNTAX = /^[A-Za-z0-9_:.*?-]{1,200}$/;

/**
 * The SCAN pattern for a client's invalidation pattern, confined to the workspace: the client
 * writes what follows `cache:{workspace}:` (`agent_responses:*`, `*`). Brackets and escapes are
 * refused, so the pattern is glob text with nothing but `*` and `?` to interpret.
 */
export function invalidationPattern(workspaceId: string, pattern: string): string {
  if (!PATTERN_SYNTAX.test(pattern)) {
    throw new RangeError("pattern may only contain letters, digits, '_', ':', '.', '-', '*' and '?'");
  }
  return `${workspacePrefix(workspaceId)}${pattern}`;
}

/**
 * An input in canonical form: object keys sorted, `undefined` dropped, strings NFC-normalised
 * with whitespace runs collapsed and trimmed. Two invocations that differ only in key order or
 * spacing are the same invocation.
 */
export function normalizeInput(value: unknown): unknown {
  if (typeof value === "string") return value.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : normalizeInput(item)));
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => [key, normalizeInput(item)] as const);
    return Object.fromEntries(entries);
  }
  return value;
}

/** What identifies one agent invocation for caching. */
export interface AgentResponseKey {
  agentCode: string;
  input: unknown;
  modelTier: ModelTier;
  /** The workspace's knowledge version (`knowledgeVersion`), so new knowledge means new answers. */
  knowledgeVersion: number;
  /** A version of the agent's output schema or prompt, when it can change between deploys. */
  outputVersion?: string;
}

/**
 * The id of an agent response for `cache.get/set("agent_responses", id)`:
 * `{AGENT}:{tier}:k{knowledge version}:{sha256 of the normalized input}`. The readable prefix
 * lets an admin invalidate one agent's answers (`agent_responses:*:LORD-004:*`, the `*` standing for the schema version).
 */
export async function cacheKeyForAgentResponse(key: AgentResponseKey): Promise<string> {
  const digest = await sha256Hex(JSON.stringify([normalizeInput(key.input), key.outputVersion ?? null]));
  return `${key.agentCode.toUpperCase()}:${key.modelTier}:k${key.knowledgeVersion}:${digest}`;
}
