import type { HeaderMap } from "./types.ts";

// Typed loosely: the Workers and Node typings of TextDecoder's options differ, both accept `fatal`.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true } as ConstructorParameters<typeof TextDecoder>[1]);

/** Base64 of raw bytes (bodies are stored this way so binary payloads survive). */
export function toBase64(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString("base64");
}

/** Raw bytes of a base64 string. */
export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(base64, "base64"));
}

/** QStash reports `body` when the bytes are UTF-8 and `bodyBase64` otherwise; `prefix` renames the pair. */
export function describeBody(base64: string, prefix = "body"): Record<string, string> {
  if (base64 === "") return {};
  const bytes = fromBase64(base64);
  try {
    return { [prefix]: strictUtf8.decode(bytes) };
  } catch {
    return { [`${prefix}Base64`]: base64 };
  }
}

/** `my-header` → `My-Header`, the canonical form QStash (written in Go) reports header names in. */
export function canonicalHeaderName(name: string): string {
  return name
    .toLowerCase()
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("-");
}

/** Adds one value under a header's canonical name. */
export function appendHeader(map: HeaderMap, name: string, value: string): void {
  const canonical = canonicalHeaderName(name);
  map[canonical] = [...(map[canonical] ?? []), value];
}

/** A fetch `Headers` object as a QStash header map. */
export function headerMap(headers: Headers): HeaderMap {
  const map: HeaderMap = {};
  headers.forEach((value, name) => {
    appendHeader(map, name, value);
  });
  return map;
}
