import type { JsonValue, Metadata } from "./types.ts";

/** Patches metadata in place of a whole object: the result of patching with an object is an object. */
export function patchMetadata(target: Metadata | undefined, patch: Metadata): Metadata {
  const result = mergePatch(target, patch);
  return isJsonObject(result) ? result : {};
}

/** RFC 7396 JSON Merge Patch, as Upstash's `metadataUpdateMode: "PATCH"` applies it. */
export function mergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return patch;
  const result: { [key: string]: JsonValue } = {};
  if (isJsonObject(target)) for (const [key, value] of Object.entries(target)) setOwn(result, key, value);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else setOwn(result, key, mergePatch(Object.hasOwn(result, key) ? result[key] : undefined, value));
  }
  return result;
}

// Plain assignment of a "__proto__" key (which JSON.parse happily produces) would replace the
// object's prototype instead of adding a field.
function setOwn(target: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
