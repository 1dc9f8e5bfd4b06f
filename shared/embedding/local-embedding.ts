/**
 * Deterministic local text embedding, used where no embedding model is available: the local Upstash
 * Vector stand-in (`upsert-data` / `query-data`), the Worker in local mode, and the benches.
 *
 * Method (feature hashing, no model, no network, no Node APIs so it runs in workerd too):
 * 1. Normalise: Unicode NFKC, then lower case.
 * 2. Tokenise into words: maximal runs of Unicode letters, marks and digits (`\p{L}\p{M}\p{N}`).
 * 3. Features, each with a group weight:
 *    - every word (weight 1),
 *    - every pair of adjacent words (weight 0.5): keeps some word order,
 *    - every character trigram of `^word$` (weight 0.3): lets "planning" and "planned" overlap.
 * 4. Term frequencies are counted per feature and damped sublinearly: `w · √tf`.
 * 5. Each feature is hashed with 32-bit FNV-1a over its UTF-16 code units, then mixed with the
 *    murmur3 finaliser: the mixed value modulo `dimension` picks the bucket, its top bit the sign
 *    (signed hashing, so unrelated collisions cancel out on average instead of piling up).
 * 6. The vector is L2-normalised. Empty or symbol-only text hashes a fixed marker feature, so every
 *    text yields a unit vector (cosine similarity is undefined for the zero vector).
 *
 * Only 32-bit integer arithmetic, additions and `Math.sqrt` (correctly rounded by IEEE 754, unlike
 * `Math.log`) are involved, so the same text yields the same vector on every machine and runtime
 * (given the same Unicode tables for NFKC and lower-casing). Similar texts (shared words, shared stems)
 * score higher than unrelated ones; it is a lexical stand-in, not a semantic model.
 */

/** Dimension of the local embedding unless a caller asks for another. */
export const LOCAL_EMBEDDING_DIMENSION = 384;

/** Name reported for the local embedding (e.g. by the Vector stand-in's `info`). */
export const LOCAL_EMBEDDING_MODEL = "LOCAL_FEATURE_HASHING_V1";

const WORD_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.5;
const TRIGRAM_WEIGHT = 0.3;
const EMPTY_TEXT_FEATURE = "\u0000empty";
const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+/gu;

/** Embeds `text` into an L2-normalised vector of `dimension` components (default 384). */
export function embedText(text: string, dimension: number = LOCAL_EMBEDDING_DIMENSION): Float32Array {
  if (!Number.isInteger(dimension) || dimension < 1) {
    throw new RangeError(`Embedding dimension must be a positive integer, got ${dimension}`);
  }
  const features = extractFeatures(text);
  const accumulator = new Float64Array(dimension);
  for (const [feature, { weight, count }] of features) {
    const mixed = mix32(fnv1a(feature));
    const bucket = mixed % dimension;
    const sign = mixed >>> 31 === 0 ? 1 : -1;
    accumulator[bucket] = (accumulator[bucket] ?? 0) + sign * weight * Math.sqrt(count);
  }
  return normalise(accumulator);
}

interface FeatureStats {
  weight: number;
  count: number;
}

/** Words, word bigrams and character trigrams of the normalised text, with their counts. */
function extractFeatures(text: string): Map<string, FeatureStats> {
  const words = text.normalize("NFKC").toLowerCase().match(WORD_PATTERN) ?? [];
  const features = new Map<string, FeatureStats>();
  const add = (feature: string, weight: number) => {
    const stats = features.get(feature);
    if (stats) stats.count += 1;
    else features.set(feature, { weight, count: 1 });
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // Prefixes keep the three feature families apart, so the word "abc" and the trigram "abc" differ.
    add(`w:${word}`, WORD_WEIGHT);
    if (i > 0) add(`b:${words[i - 1]} ${word}`, BIGRAM_WEIGHT);
    const chars = Array.from(`^${word}$`);
    for (let c = 0; c + 3 <= chars.length; c++) {
      add(`c:${chars[c]}${chars[c + 1]}${chars[c + 2]}`, TRIGRAM_WEIGHT);
    }
  }
  if (features.size === 0) add(EMPTY_TEXT_FEATURE, WORD_WEIGHT);
  return features;
}

/** 32-bit FNV-1a over the string's UTF-16 code units (low byte, then high byte). */
function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    hash = Math.imul(hash ^ (unit & 0xff), 0x01000193);
    hash = Math.imul(hash ^ (unit >>> 8), 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's fmix32: spreads FNV's weak low bits across the whole word. */
function mix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function normalise(values: Float64Array): Float32Array {
  let sumOfSquares = 0;
  for (const value of values) sumOfSquares += value * value;
  const out = new Float32Array(values.length);
  // Collisions can cancel every feature out; fall back to a fixed unit vector rather than zero.
  if (sumOfSquares === 0) {
    out[0] = 1;
    return out;
  }
  const scale = 1 / Math.sqrt(sumOfSquares);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! * scale;
  return out;
}
