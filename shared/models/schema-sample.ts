import type { JSONSchema7, JSONSchema7Definition } from "@ai-sdk/provider";
import { createPrng, type Prng } from "./deterministic.ts";
import type { Vocabulary } from "./salience.ts";
import { sampleString, slug } from "./text-sample.ts";

type JSONSchema7TypeName = Extract<JSONSchema7["type"], string>;

/** A JSON value, as the offline model emits it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

interface Walk {
  root: JSONSchema7;
  vocab: Vocabulary;
  seed: string;
}

/** Thrown for a branch no value can satisfy (`false`, `not: {}`), so anyOf/oneOf can try the next one. */
class Unsatisfiable extends Error {}

// Recursive schemas ($ref cycles) stop growing here: objects keep only required keys, arrays their minimum.
const MAX_DEPTH = 8;

/**
 * A value valid against the schema, derived from the prompt's vocabulary and the seed: every node draws
 * from its own PRNG keyed by its path, so the same schema and prompt always give the same value.
 */
export function sampleJsonSchema(schema: JSONSchema7, vocab: Vocabulary, seed: string): JsonValue {
  return sample(schema, { root: schema, vocab, seed }, "$", "", 0, 0);
}

function sample(
  def: JSONSchema7Definition,
  walk: Walk,
  path: string,
  hint: string,
  index: number,
  depth: number,
): JsonValue {
  if (def === false) throw new Unsatisfiable(path);
  if (def === true) return sample({ type: "string" }, walk, path, hint, index, depth);
  const schema = normalise(def, walk.root);
  if (schema.not !== undefined && Object.keys(schema.not).length === 0) throw new Unsatisfiable(path);
  const prng = createPrng(`${walk.seed}\u0000${path}`);

  if (schema.const !== undefined) return schema.const as JsonValue;
  if (schema.enum) return pickEnum(schema.enum as JsonValue[], walk.vocab, prng);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    // The first satisfiable branch: `nullable(x)` and `variant()` both list the meaningful branch first.
    for (const [i, branch] of branches.entries()) {
      try {
        return sample(branch, walk, `${path}|${i}`, hint, index, depth);
      } catch (error) {
        if (!(error instanceof Unsatisfiable)) throw error;
      }
    }
    throw new Unsatisfiable(path);
  }

  switch (typeOf(schema)) {
    case "object":
      return sampleObject(schema, walk, path, index, depth);
    case "array":
      return sampleArray(schema, walk, path, hint, depth, prng);
    case "integer":
      return sampleNumber(schema, prng, true);
    case "number":
      return sampleNumber(schema, prng, false);
    case "boolean":
      return prng.next() < 0.5;
    case "null":
      return null;
    default:
      return sampleString(schema, hint, walk.vocab, prng, index);
  }
}

/** `index` is the object's position in its array: its fields vary with it, so list items differ. */
function sampleObject(schema: JSONSchema7, walk: Walk, path: string, index: number, depth: number): JsonValue {
  const out: { [key: string]: JsonValue } = {};
  const required = new Set(schema.required ?? []);
  const properties = schema.properties ?? {};
  for (const [key, child] of Object.entries(properties)) {
    // Optional fields are filled too (a fuller answer), until recursion makes that unbounded.
    if (depth < MAX_DEPTH || required.has(key)) out[key] = sample(child, walk, `${path}.${key}`, key, index, depth + 1);
  }
  for (const key of required) {
    if (!(key in out))
      out[key] = sample(schema.additionalProperties ?? true, walk, `${path}.${key}`, key, 0, depth + 1);
  }
  const extra = schema.additionalProperties;
  if (Object.keys(properties).length === 0 && typeof extra === "object" && depth < MAX_DEPTH) {
    // A record: keys from the prompt's words, values from the value schema.
    const count = Math.max(schema.minProperties ?? 0, Math.min(2, schema.maxProperties ?? 2));
    const words = walk.vocab.words.length > 0 ? walk.vocab.words : ["item"];
    for (let i = 0; Object.keys(out).length < count; i++) {
      const key = slug(words[i % words.length] ?? "item", i < words.length ? -1 : i);
      out[key] = sample(extra, walk, `${path}[${key}]`, key, i, depth + 1);
    }
  }
  return out;
}

function sampleArray(
  schema: JSONSchema7,
  walk: Walk,
  path: string,
  hint: string,
  depth: number,
  prng: Prng,
): JsonValue {
  const items = schema.items;
  if (Array.isArray(items)) return items.map((item, i) => sample(item, walk, `${path}[${i}]`, hint, i, depth + 1));
  const min = schema.minItems ?? Math.min(1, schema.maxItems ?? 1);
  const max = depth >= MAX_DEPTH ? min : Math.max(min, Math.min(schema.maxItems ?? min + 2, min + 3));
  const itemSchema = items ?? true;
  const length = prng.int(min, max);
  const values: JsonValue[] = [];
  const seen = new Set<string>();
  // uniqueItems: keep drawing at new indices (a bounded number of times) until enough distinct values exist.
  for (let i = 0; values.length < length && i < length * 8; i++) {
    const value = sample(itemSchema, walk, `${path}[${i}]`, hint, i, depth + 1);
    const key = JSON.stringify(value);
    if (schema.uniqueItems && seen.has(key)) continue;
    seen.add(key);
    values.push(value);
  }
  return values;
}

function sampleNumber(schema: JSONSchema7, prng: Prng, integer: boolean): number {
  const lowBound = Math.max(schema.minimum ?? -Infinity, schema.exclusiveMinimum ?? -Infinity);
  const highBound = Math.min(schema.maximum ?? Infinity, schema.exclusiveMaximum ?? Infinity);
  const lowOpen = schema.exclusiveMinimum !== undefined && schema.exclusiveMinimum === lowBound;
  const highOpen = schema.exclusiveMaximum !== undefined && schema.exclusiveMaximum === highBound;
  // Unbounded sides get a span of 100 so values stay plausible (scores, counts, percentages).
  const low = Number.isFinite(lowBound) ? lowBound : Number.isFinite(highBound) ? highBound - 100 : integer ? 1 : 0;
  const high = Number.isFinite(highBound) ? highBound : low + 100;
  const step = schema.multipleOf ?? (integer ? 1 : undefined);
  if (step) {
    let first = Math.ceil(low / step) * step;
    if (lowOpen && first <= low) first += step;
    let last = Math.floor(high / step) * step;
    if (highOpen && last >= high) last -= step;
    const value = first + step * prng.int(0, Math.max(0, Math.round((last - first) / step)));
    // Fractional steps (0.05) accumulate binary error: cut back to the step's own precision.
    const decimals = (String(step).split(".")[1] ?? "").length;
    return decimals > 0 ? Number(value.toFixed(decimals)) : value;
  }
  const raw = low + (high - low) * (0.05 + 0.9 * prng.next());
  const rounded = Math.round(raw * 100) / 100;
  return rounded > low && rounded < high ? rounded : raw;
}

/** Prefers an enum value the prompt mentions (a request about LinkedIn picks "linkedin"). */
function pickEnum(values: JsonValue[], vocab: Vocabulary, prng: Prng): JsonValue {
  const mentioned = values.filter((value) => typeof value === "string" && vocab.haystack.includes(value.toLowerCase()));
  if (mentioned.length > 0 && prng.next() < 0.6) return prng.pick(mentioned);
  return prng.pick(values);
}

function typeOf(schema: JSONSchema7): JSONSchema7TypeName {
  const declared = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? "null") : schema.type;
  if (declared) return declared;
  if (schema.properties || schema.required || schema.additionalProperties !== undefined) return "object";
  if (schema.items !== undefined) return "array";
  if (schema.minimum !== undefined || schema.maximum !== undefined || schema.multipleOf !== undefined) return "number";
  return "string";
}

/** Resolves local `$ref`s and folds `allOf` into one schema. */
function normalise(schema: JSONSchema7, root: JSONSchema7): JSONSchema7 {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 32; hops++) {
    const target = resolvePointer(root, current.$ref);
    if (!target) throw new Error(`Unresolvable $ref ${current.$ref}`);
    const { $ref: _ref, ...rest } = current;
    current = { ...target, ...rest };
  }
  if (!current.allOf) return current;
  const { allOf, ...base } = current;
  let merged: JSONSchema7 = base;
  for (const part of allOf) {
    if (typeof part === "boolean") continue;
    const next = normalise(part, root);
    merged = {
      ...merged,
      ...next,
      properties: { ...merged.properties, ...next.properties },
      required: [...new Set([...(merged.required ?? []), ...(next.required ?? [])])],
    };
  }
  return merged;
}

function resolvePointer(root: JSONSchema7, ref: string): JSONSchema7 | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").filter(Boolean)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node !== null && typeof node === "object" ? (node as JSONSchema7) : undefined;
}
