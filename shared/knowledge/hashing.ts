import { normalizeText } from "./chunking.ts";

/** SHA-256 of UTF-8 text, as 64 lower-case hex digits (Web Crypto: workerd and Node alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The canonical form content is deduplicated on: normalised (NFC, line ends, no control
 * characters) with every run of whitespace collapsed to one space, so re-wrapping or
 * re-indenting the same text does not make it new knowledge.
 */
export function canonicalText(text: string): string {
  return normalizeText(text).replace(/\s+/gu, " ").trim();
}

/** The content hash stored with every chunk (`agent_memories.content_hash`, vector metadata). */
export function contentHash(text: string): Promise<string> {
  return sha256Hex(canonicalText(text));
}
