import postgres from "postgres";
import { ApiError } from "../../shared/http/api-error.ts";
import { toApiError } from "../../shared/http/error-handler.ts";
import type { Logger } from "../../shared/logging/logger.ts";

/**
 * Maps what a handler threw to the ApiError the caller gets. Postgres refusals that are the
 * caller's doing keep their meaning (RLS → 403, duplicates → 409); anything unexpected is
 * logged with its stack and becomes the opaque 500.
 */
export function toHandlerError(err: unknown, logger: Logger, fields: Record<string, unknown>): ApiError {
  if (err instanceof postgres.PostgresError) {
    if (err.code === "42501") return ApiError.forbidden("The workspace's access policy does not allow this change");
    if (err.code === "23505") return ApiError.conflict("A record with these values already exists", [], "DUPLICATE");
    if (err.code === "23503") {
      return ApiError.conflict("This refers to a record that does not exist", [], "REFERENCE_NOT_FOUND");
    }
  }
  const apiError = toApiError(err);
  if (apiError.status >= 500) {
    logger.error("lord handler failed", {
      ...fields,
      error: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
  }
  return apiError;
}
