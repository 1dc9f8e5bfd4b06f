import type { Context } from "hono";
import type { AppEnv } from "../../shared/app-env.ts";
import { publishEvents } from "../../shared/events/publish.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { callerScope, requestScope } from "../../shared/http/request-scope.ts";
import type { KnowledgeActor, KnowledgeDeps } from "../../shared/knowledge/deps.ts";
import { KnowledgeError } from "../../shared/knowledge/errors.ts";

/** The knowledge deps of a request under `/api/workspaces/:workspaceId`: queries run as the caller. */
export function requestDeps(c: Context<AppEnv>): KnowledgeDeps {
  return { ...systemDeps(c), claims: callerScope(c).claims };
}

/** The knowledge deps of a system route (a QStash consumer): service role, scoped by workspace. */
export function systemDeps(c: Context<AppEnv>): KnowledgeDeps {
  const { sql, vector, redis } = c.get("services");
  const logger = c.get("logger");
  return {
    sql,
    vector,
    redis,
    logger,
    publish: (events) => publishEvents(c.env, events, { logger }),
  };
}

/** Who is acting, in which workspace; the id lowercase, as knowledge and cache keys are written. */
export function requestActor(c: Context<AppEnv>): KnowledgeActor {
  const { workspaceId, actorId, requestId } = requestScope(c);
  return { workspaceId: workspaceId.toLowerCase(), actorId, requestId };
}

/** Runs a knowledge operation, turning its refusals into API errors. */
export async function orApiError<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    if (error instanceof KnowledgeError) {
      if (error.code === "NOT_FOUND") throw ApiError.notFound(error.message, "KNOWLEDGE_NOT_FOUND");
      throw ApiError.forbidden(error.message, "SYSTEM_KNOWLEDGE");
    }
    throw error;
  }
}
