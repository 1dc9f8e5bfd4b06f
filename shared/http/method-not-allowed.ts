import type { Hono, NotFoundHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ApiError } from "./api-error.ts";
import { errorResponse, onNotFound } from "./error-handler.ts";

interface RoutePattern {
  method: string;
  regex: RegExp;
}

/** Turns a Hono path (`/a/:id/b/*`, `:id{[0-9]+}`) into an anchored regex. */
function compile(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => {
      if (segment === "*") return ".*";
      const param = /^:\w+(\{(.+)\})?(\?)?$/.exec(segment);
      if (param) return param[2] ? `(?:${param[2]})` : "[^/]+";
      return segment.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${source}/?$`);
}

/**
 * A notFound handler that tells 405 from 404: when the path exists under other methods it
 * answers 405 with `Allow`. Routes are compiled on first use, after every group is mounted.
 */
export function notFoundOrMethodNotAllowed(app: Hono<AppEnv>): NotFoundHandler<AppEnv> {
  let patterns: RoutePattern[] | undefined;
  return (c) => {
    patterns ??= app.routes
      .filter((route) => route.method !== "ALL")
      .map((route) => ({ method: route.method, regex: compile(route.path) }));
    const path = new URL(c.req.url).pathname;
    const allowed = [...new Set(patterns.filter((p) => p.regex.test(path)).map((p) => p.method))];
    if (allowed.length === 0) return onNotFound(c);
    if (allowed.includes("GET")) allowed.push("HEAD");
    const error = new ApiError(
      405,
      "METHOD_NOT_ALLOWED",
      `${c.req.method} is not allowed on ${path}; allowed: ${allowed.join(", ")}`,
      [],
      { allow: allowed.join(", ") },
    );
    return errorResponse(c, error);
  };
}
