import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./errors.ts";
import type { AppEnv } from "./http.ts";

/** QStash's authentication: `Authorization: Bearer <token>`, or `?qstash_token=<token>`. */
export function qstashAuth(token: string): MiddlewareHandler<AppEnv> {
  if (!token) throw new Error("qstashAuth needs a non-empty token");
  const expected = Buffer.from(token);
  const matches = (presented: string) => {
    const actual = Buffer.from(presented);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
  return async function qstashAuthHandler(c, next) {
    const header = c.req.header("authorization") ?? "";
    const presented = /^bearer /i.test(header) ? header.slice(7).trim() : c.req.query("qstash_token");
    if (!presented || !matches(presented)) throw new ApiError(401, "Unauthorized");
    await next();
  };
}
