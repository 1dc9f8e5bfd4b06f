import type { Context } from "hono";
import type { AppEnv, Caller } from "../../app-env.ts";
import type { JwtClaims } from "../../db/database.ts";
import { publishEvents } from "../../events/publish.ts";
import { ApiError } from "../../http/api-error.ts";
import { createLogger } from "../../logging/logger.ts";
import { loadModelSettings } from "../../models/model-settings.ts";
import type { ConsumerDeps } from "./deps.ts";
import type { Invoker } from "./enqueue.ts";

/** The runtime's dependencies (the consumer's included) from a request's services, env and logger. */
export function runtimeDepsOf(c: Context<AppEnv>): ConsumerDeps {
  const services = c.get("services");
  const logger = c.get("logger") ?? createLogger();
  return {
    sql: services.sql,
    redis: services.redis,
    qstash: services.qstash,
    vector: services.vector,
    config: services.config,
    settings: loadModelSettings(c.env),
    logger,
    broadcast: (events) => publishEvents(c.env, events, { logger }),
  };
}

/** The claims `withUser` runs a caller's statements with. */
export function claimsOf(caller: Caller): JwtClaims {
  return { ...caller.claims, sub: caller.userId, role: "authenticated" };
}

/** The authenticated caller of a workspace route, as the runtime's invoker. */
export function invokerOf(c: Context<AppEnv>): Invoker {
  const caller = c.get("caller");
  const workspaceId = c.get("workspaceId");
  if (!caller || !workspaceId) throw ApiError.unauthorized("Missing access token", "AUTH_TOKEN_MISSING");
  return { workspaceId, userId: caller.userId, requestId: c.get("requestId"), claims: claimsOf(caller) };
}
