import { Ratelimit } from "@upstash/ratelimit";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { planLimits } from "../config/rate-limits.ts";
import { ApiError } from "./api-error.ts";

// Identifiers already known to be over their limit, per isolate: saves a Redis round trip.
const blockedCache = new Map<string, number>();

/**
 * Per-user and per-workspace request limits on Upstash Redis (sliding window, one minute),
 * sized by the workspace's plan. Over the limit → 429 with `Retry-After`.
 */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async function rateLimitMiddleware(c, next) {
    const caller = c.get("caller");
    const workspaceId = c.get("workspaceId");
    if (!caller) return next();
    const { redis, config } = c.get("services");
    const plan = c.get("workspacePlan") ?? "free";
    const limits = planLimits(config.RATE_LIMIT_PLANS)[plan] ?? planLimits(undefined).free!;

    const checks = [
      limiter(redis, `user:${plan}`, limits.perUserPerMinute).limit(`user:${caller.userId}`),
      ...(workspaceId
        ? [limiter(redis, `workspace:${plan}`, limits.perWorkspacePerMinute).limit(`workspace:${workspaceId}`)]
        : []),
    ];
    const results = await Promise.all(checks);
    const refused = results.find((result) => !result.success);
    c.header("x-ratelimit-limit", String(Math.min(...results.map((r) => r.limit))));
    c.header("x-ratelimit-remaining", String(Math.max(0, Math.min(...results.map((r) => r.remaining)))));
    if (refused) {
      const retryAfter = (refused.reset - Date.now()) / 1000;
      throw ApiError.tooManyRequests(`Rate limit of ${refused.limit} requests per minute exceeded`, retryAfter);
    }
    await next();
  };
}

function limiter(redis: ConstructorParameters<typeof Ratelimit>[0]["redis"], scope: string, perMinute: number) {
  return new Ratelimit({
    redis,
    limiter: Ratelimit.slidingWindow(perMinute, "60 s"),
    prefix: `rl:${scope}:${perMinute}`,
    ephemeralCache: blockedCache,
    analytics: false,
  });
}
