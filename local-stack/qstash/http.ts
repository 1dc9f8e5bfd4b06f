import type { Context } from "hono";
import { badRequest } from "./errors.ts";

/** Hono environment of the stand-in: the adapter passes the caller's address as a binding. */
export interface AppEnv {
  Bindings: { callerIp?: string };
}

/**
 * The destination URL that follows the first `segments` path segments, e.g. everything after
 * `/v2/publish/`. The SDK appends it unencoded, so its own query string arrives as ours
 * (minus `qstash_token`, which authenticates the request itself).
 */
export function destinationAfter(c: Context<AppEnv>, segments: number): string {
  const url = new URL(c.req.url);
  let destination = url.pathname.split("/").slice(segments).join("/");
  if (/^https?%3A/i.test(destination)) destination = decodeURIComponent(destination);
  url.searchParams.delete("qstash_token");
  const query = url.searchParams.toString();
  return query ? `${destination}?${query}` : destination;
}

/** The request body as bytes. */
export async function bodyBytes(c: Context<AppEnv>): Promise<Uint8Array> {
  return new Uint8Array(await c.req.arrayBuffer());
}

/** The request body as JSON, or undefined when empty; malformed JSON is a 400. */
export async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("request body is not valid JSON");
  }
}

/** The query string as URLSearchParams (repeated keys kept). */
export function queryOf(c: Context<AppEnv>): URLSearchParams {
  return new URL(c.req.url).searchParams;
}
