/** The one error type the stand-in throws; `onError` turns it into QStash's `{ error }` envelope. */
export class ApiError extends Error {
  readonly status: 400 | 401 | 404 | 412 | 500;

  constructor(status: ApiError["status"], message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

/** Shorthand for a 400 with QStash-style wording. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, message);
}

/** Shorthand for a 404. */
export function notFound(what: string): ApiError {
  return new ApiError(404, `${what} not found`);
}
