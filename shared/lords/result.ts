import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError, type ErrorDetail } from "../http/api-error.ts";

/** An error as it crosses the RPC boundary: classes do not survive it, plain data does. */
export interface ExecuteError {
  status: ContentfulStatusCode;
  code: string;
  message: string;
  details: ErrorDetail[];
}

/** What `LordObject.execute` answers: the capability's data, or the error to answer with. */
export type ExecuteResult<T = unknown> = { ok: true; data: T } | { ok: false; error: ExecuteError };

/** Wraps an ApiError for the trip back to the Worker. */
export function failure(error: ApiError): { ok: false; error: ExecuteError } {
  return {
    ok: false,
    error: { status: error.status, code: error.code, message: error.message, details: error.details },
  };
}

/** Returns the data, or rethrows the error as the ApiError it was inside the Durable Object. */
export function unwrap<T>(result: ExecuteResult<T>): T {
  if (result.ok) return result.data;
  const { status, code, message, details } = result.error;
  throw new ApiError(status, code, message, details);
}
