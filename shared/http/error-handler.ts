import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../app-env.ts";
import { ConfigError } from "../config/config.ts";
import { DomainInputError, InvalidTransitionError } from "../domain/errors.ts";
import { createLogger } from "../logging/logger.ts";
import { ApiError, type ErrorDetail } from "./api-error.ts";

/** The error envelope every failure is answered with. */
export interface ErrorEnvelope {
  status: "error";
  error: string;
  code: string;
  status_code: number;
  request_id: string;
  timestamp: string;
  details: ErrorDetail[];
}

const CODE_BY_STATUS: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  422: "UNPROCESSABLE",
  429: "RATE_LIMITED",
};

/** Writes the envelope for an error; usable from handlers and middleware alike. */
export function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  const body: ErrorEnvelope = {
    status: "error",
    error: error.message,
    code: error.code,
    status_code: error.status,
    request_id: c.get("requestId") ?? "",
    timestamp: new Date().toISOString(),
    details: error.details,
  };
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(body, error.status);
}

/** Converts anything thrown into an ApiError; unknown errors become an opaque 500. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof InvalidTransitionError) {
    return ApiError.conflict(
      err.message,
      err.issues.map((issue) => ({ ...issue })),
      "INVALID_TRANSITION",
    );
  }
  if (err instanceof DomainInputError) return ApiError.validation(err.issues.map((issue) => ({ ...issue })));
  if (err instanceof HTTPException) {
    if (err.status === 400 && /malformed json/i.test(err.message)) {
      return ApiError.badRequest(
        "Malformed JSON in request body",
        [{ field: "body", message: "is not valid JSON" }],
        "MALFORMED_JSON",
      );
    }
    const status = err.status as ContentfulStatusCode;
    return new ApiError(status, CODE_BY_STATUS[status] ?? "HTTP_ERROR", err.message || "Request failed");
  }
  if (err instanceof ConfigError) {
    return new ApiError(
      500,
      "CONFIGURATION_ERROR",
      "The service is misconfigured; operators have been told which setting.",
    );
  }
  return new ApiError(500, "INTERNAL_ERROR", "An unexpected error occurred. Quote the request id when reporting it.");
}

/** The app's `onError`: logs server errors with their stack, answers with the envelope. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const apiError = toApiError(err);
  if (apiError.status >= 500) {
    const logger = c.get("logger") ?? createLogger();
    logger.error("request failed", {
      request_id: c.get("requestId"),
      error: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
      problems: err instanceof ConfigError ? err.problems : undefined,
    });
  }
  return errorResponse(c, apiError);
};

/** The app's `notFound`: 404 in the envelope. */
export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, ApiError.notFound(`No route for ${c.req.method} ${new URL(c.req.url).pathname}`, "ROUTE_NOT_FOUND"));
