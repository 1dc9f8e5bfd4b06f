import { VectorError } from "./errors.ts";
import type { FilterNode } from "./filter-ast.ts";
import { FilterSyntaxError } from "./filter-ast.ts";
import { parseFilter } from "./filter-parser.ts";
import type { Metadata } from "./types.ts";

/** Which optional parts of a vector a read returns. */
export interface Include {
  metadata: boolean;
  vectors: boolean;
  data: boolean;
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The body as an object, or a 400 naming what was expected. */
export function expectObject(value: unknown, what: string): Record<string, unknown> {
  if (!isObject(value)) throw VectorError.badRequest(`${what} must be a JSON object`);
  return value;
}

/** A vector id: a non-empty string, or a number (stored as its string form, as Upstash does). */
export function parseId(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value !== "") return value;
  throw VectorError.badRequest("id must be a non-empty string or a number");
}

/** A list of ids, or a single id. */
export function parseIds(value: unknown): string[] {
  return Array.isArray(value) ? value.map(parseId) : [parseId(value)];
}

/** A dense vector of exactly `dimension` finite numbers, as float32 (Upstash's precision). */
export function parseVector(value: unknown, dimension: number): Float32Array {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "number" && Number.isFinite(item))) {
    throw VectorError.badRequest("vector must be an array of finite numbers");
  }
  if (value.length !== dimension) {
    throw VectorError.unprocessable(`Invalid vector dimension: ${value.length}, expected: ${dimension}`);
  }
  return Float32Array.from(value as number[]);
}

/** Optional metadata: absent/null, or a JSON object. */
export function parseMetadata(value: unknown): Metadata | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw VectorError.badRequest("metadata must be a JSON object");
  // The body came from JSON.parse, so every value in it is JSON.
  return value as Metadata;
}

/** Optional raw data text. */
export function parseData(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw VectorError.badRequest("data must be a string");
  return value;
}

/** An optional boolean flag; absent means false. */
export function parseFlag(body: Record<string, unknown>, key: string): boolean {
  const value = body[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean") throw VectorError.badRequest(`${key} must be a boolean`);
  return value;
}

/** The include* flags shared by query, fetch and range. */
export function parseInclude(body: Record<string, unknown>): Include {
  return {
    metadata: parseFlag(body, "includeMetadata"),
    vectors: parseFlag(body, "includeVectors"),
    data: parseFlag(body, "includeData"),
  };
}

/** A positive integer field, with a default when absent. */
export function parsePositiveInteger(body: Record<string, unknown>, key: string, fallback?: number): number {
  const value = body[key] ?? fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw VectorError.badRequest(`${key} must be a positive integer`);
  }
  return value;
}

/** An optional filter string; empty means no filter. Syntax errors become a 400 with the parser's message. */
export function parseOptionalFilter(value: unknown): FilterNode | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return parseRequiredFilter(value);
}

/** A filter that must be present (delete by filter never means "delete everything"). */
export function parseRequiredFilter(value: unknown): FilterNode {
  if (typeof value !== "string" || value.trim() === "")
    throw VectorError.badRequest("filter must be a non-empty string");
  try {
    return parseFilter(value);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw VectorError.badRequest(error.message);
    throw error;
  }
}

/** Refuses sparse vectors: the stand-in is a dense index. */
export function rejectSparse(body: Record<string, unknown>): void {
  if (body.sparseVector !== undefined && body.sparseVector !== null) {
    throw VectorError.badRequest("This index is dense: sparseVector is not supported");
  }
}
