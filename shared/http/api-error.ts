import type { ContentfulStatusCode } from "hono/utils/http-status";

/** One entry of an error's `details`: which field, what is wrong with it. */
export interface ErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

/** The one error type the API throws; `onError` turns it into the envelope. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  static badRequest(message: string, details: ErrorDetail[] = [], code = "BAD_REQUEST") {
    return new ApiError(400, code, message, details);
  }
  static validation(details: ErrorDetail[]) {
    const first = details[0];
    const summary = first ? `${first.field ? `${first.field}: ` : ""}${first.message}` : "invalid input";
    return new ApiError(400, "VALIDATION_ERROR", `Validation failed — ${summary}`, details);
  }
  static unauthorized(message: string, code = "UNAUTHORIZED") {
    return new ApiError(401, code, message);
  }
  static paymentRequired(message: string, details: ErrorDetail[] = []) {
    return new ApiError(402, "BUDGET_EXHAUSTED", message, details);
  }
  static forbidden(message: string, code = "FORBIDDEN") {
    return new ApiError(403, code, message);
  }
  static notFound(message: string, code = "NOT_FOUND") {
    return new ApiError(404, code, message);
  }
  static conflict(message: string, details: ErrorDetail[] = [], code = "CONFLICT") {
    return new ApiError(409, code, message, details);
  }
  static unprocessable(message: string, details: ErrorDetail[] = [], code = "UNPROCESSABLE") {
    return new ApiError(422, code, message, details);
  }
  static tooManyRequests(message: string, retryAfterSeconds: number) {
    return new ApiError(429, "RATE_LIMITED", message, [], {
      "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
  static unavailable(message: string, details: ErrorDetail[] = []) {
    return new ApiError(503, "SERVICE_UNAVAILABLE", message, details);
  }
}
