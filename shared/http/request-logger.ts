import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "../app-env.ts";
import { createLogger } from "../logging/logger.ts";

/** Logs one JSON line per request: method, route, status, duration, request id, workspace id. */
export function requestLogger(): MiddlewareHandler<AppEnv> {
  return async function requestLoggerMiddleware(c, next) {
    const started = performance.now();
    const logger = createLogger({ request_id: c.get("requestId") });
    c.set("logger", logger);
    await next();
    logger.info("request", {
      method: c.req.method,
      route: routePath(c, -1),
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
      workspace_id: c.get("workspaceId"),
      user_id: c.get("caller")?.userId,
    });
  };
}
