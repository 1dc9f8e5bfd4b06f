/** An error the stand-in answers with `{ error, status }`, as Upstash Vector does. */
export class VectorError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = "VectorError";
    this.status = status;
  }

  /** 400: the request is malformed (bad JSON, wrong types, bad filter). */
  static badRequest(message: string): VectorError {
    return new VectorError(400, message);
  }

  /** 404: the addressed namespace or endpoint does not exist. */
  static notFound(message: string): VectorError {
    return new VectorError(404, message);
  }

  /** 422: well-formed but unprocessable, e.g. a vector of the wrong dimension (Upstash's own code). */
  static unprocessable(message: string): VectorError {
    return new VectorError(422, message);
  }
}
