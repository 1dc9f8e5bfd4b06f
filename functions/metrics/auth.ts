import type { MiddlewareHandler } from "hono";
import { timingSafeEqual } from "hono/utils/buffer";
import type { AppEnv } from "../../shared/app-env.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { loadMetricsConfig } from "./config.ts";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Admits operators' scrapers: `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time. Without
 * a token configured the endpoint does not exist (404), so an unconfigured deployment exposes nothing.
 */
export function metricsToken(): MiddlewareHandler<AppEnv> {
  return async function metricsTokenMiddleware(c, next) {
    const { token } = loadMetricsConfig(c.env);
    if (!token)
      throw ApiError.notFound(`No route for ${c.req.method} ${new URL(c.req.url).pathname}`, "ROUTE_NOT_FOUND");
    const given = BEARER.exec(c.req.header("authorization") ?? "")?.[1];
    if (!given)
      throw new ApiError(401, "METRICS_TOKEN_MISSING", "Missing bearer token", [], { "www-authenticate": "Bearer" });
    if (!(await timingSafeEqual(given, token))) {
      throw new ApiError(401, "METRICS_TOKEN_INVALID", "Invalid bearer token", [], {
        "www-authenticate": 'Bearer error="invalid_token"',
      });
    }
    await next();
  };
}
