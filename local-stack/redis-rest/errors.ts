/** A failure answered with an HTTP status and Upstash's `{"error": message}` body. */
export class RestError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = "RestError";
    this.status = status;
  }
}
