import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { Env, MiddlewareHandler, ValidationTargets } from "hono";
import { uniqueSymbol, validator } from "hono-openapi";
import { ApiError, type ErrorDetail } from "./api-error.ts";

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Turns Standard Schema issues into envelope details with dotted field paths. */
export function issuesToDetails(target: string, issues: readonly StandardSchemaV1.Issue[]): ErrorDetail[] {
  return issues.map((issue) => {
    const path = (issue.path ?? [])
      .map((segment) => (typeof segment === "object" ? segment.key : segment))
      .map(String)
      .join(".");
    return { field: path || target, location: target, message: issue.message };
  });
}

/**
 * Validates one part of the request with a valibot (Standard Schema) schema and registers it
 * in the OpenAPI document. Failures throw a 400 naming every bad field; a JSON body with
 * another content type is a 415.
 */
export function validate<Schema extends StandardSchemaV1, Target extends keyof ValidationTargets>(
  target: Target,
  schema: Schema,
) {
  const inner = validator(target, schema, (result) => {
    if (!result.success) throw ApiError.validation(issuesToDetails(target, result.error));
  });
  if (target !== "json") return inner;

  const withContentType: MiddlewareHandler<Env> = async function validateJson(c, next) {
    const mediaType = (c.req.header("content-type") ?? "").split(";")[0]?.trim() ?? "";
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      throw new ApiError(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        `Expected an application/json body, got ${mediaType ? `'${mediaType}'` : "no content type"}`,
        [{ field: "content-type", message: "must be application/json" }],
      );
    }
    return inner(c, next);
  };
  // Carry hono-openapi's schema marker over so the wrapped validator still documents the route.
  Object.assign(withContentType, { [uniqueSymbol]: (inner as unknown as Record<symbol, unknown>)[uniqueSymbol] });
  return withContentType as typeof inner;
}
