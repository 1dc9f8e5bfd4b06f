import { CACHE_DATA_TYPES, type CacheDataTypeName } from "./data-types.ts";

/**
 * A cached value as stored: the shape version, when it was stored and when it logically
 * expires (by the cache's clock, so tests can move time), what it cost to produce, and the data.
 * Redis expires the key on its own TTL as well; the envelope makes expiry testable and lets a
 * reader refuse a value of another shape even if it found one.
 */
export interface Envelope<T> {
  v: number;
  type: CacheDataTypeName;
  at: number;
  exp: number;
  /** What producing the value cost (USD): a hit saves that much. */
  cost: number;
  d: T;
}

/** Wraps a value for storage. */
export function wrap<T>(
  type: CacheDataTypeName,
  value: T,
  nowMs: number,
  ttlSeconds: number,
  costUsd = 0,
): Envelope<T> {
  return {
    v: CACHE_DATA_TYPES[type].schema,
    type,
    at: nowMs,
    exp: nowMs + ttlSeconds * 1_000,
    cost: costUsd,
    d: value,
  };
}

/** What reading a stored value found. */
export type Unwrapped<T> =
  | { state: "hit"; envelope: Envelope<T> }
  | { state: "miss" }
  | { state: "expired" }
  | { state: "stale_shape" };

/** Classifies a raw stored value: a hit, nothing, expired by the clock, or of another shape. */
export function unwrap<T>(type: CacheDataTypeName, raw: unknown, nowMs: number): Unwrapped<T> {
  if (raw === null || raw === undefined) return { state: "miss" };
  if (!isEnvelope(raw) || raw.type !== type || raw.v !== CACHE_DATA_TYPES[type].schema) return { state: "stale_shape" };
  if (raw.exp <= nowMs) return { state: "expired" };
  return { state: "hit", envelope: raw as Envelope<T> };
}

function isEnvelope(raw: unknown): raw is Envelope<unknown> {
  if (typeof raw !== "object" || raw === null) return false;
  const candidate = raw as Record<string, unknown>;
  return (
    typeof candidate.v === "number" &&
    typeof candidate.type === "string" &&
    typeof candidate.at === "number" &&
    typeof candidate.exp === "number" &&
    typeof candidate.cost === "number" &&
    "d" in candidate
  );
}
