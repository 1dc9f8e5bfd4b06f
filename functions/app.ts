import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../shared/app-env.ts";
import { authenticate } from "../shared/auth/authenticate.ts";
import { workspaceAccess } from "../shared/auth/workspace-access.ts";
import { loadConfig } from "../shared/config/config.ts";
import { ApiError } from "../shared/http/api-error.ts";
import { errorResponse, onError } from "../shared/http/error-handler.ts";
import { idempotency } from "../shared/http/idempotency.ts";
import { notFoundOrMethodNotAllowed } from "../shared/http/method-not-allowed.ts";
import { rateLimit } from "../shared/http/rate-limit.ts";
import { requestLogger } from "../shared/http/request-logger.ts";
import { services } from "../shared/services/middleware.ts";
import { achievementsApp } from "./achievements/index.ts";
import { agentsApi } from "./agents/index.ts";
import { alertsApp } from "./alerts/index.ts";
import { apiKeysApp } from "./api-keys/index.ts";
import { cacheApp } from "./cache/index.ts";
import { cacheInternalApp } from "./cache/internal.ts";
import { campaignsApp } from "./campaigns/index.ts";
import { councilApp } from "./council/index.ts";
import { docsApp } from "./docs/index.ts";
import { healthApp } from "./health/index.ts";
import { intelligenceApp } from "./intelligence/index.ts";
import { heraldInternalApp } from "./internal/herald/index.ts";
import { internalApp } from "./internal/index.ts";
import { knowledgeInternalApp } from "./internal/knowledge/index.ts";
import { agentMemoriesApp, knowledgeApp } from "./knowledge/index.ts";
import { lordsApp } from "./lords/index.ts";
import { metricsApp } from "./metrics/index.ts";
import { movesApp } from "./moves/index.ts";
import { questsApp } from "./quests/index.ts";
import { workspacesApp } from "./workspaces/index.ts";

const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/** Builds the HTTP app: shared middleware, then one endpoint group per mount. */
export function createApp() {
  const app = new Hono<AppEnv>();

  app.use(requestId({ headerName: "x-request-id" }));
  app.use(requestLogger());
  app.use(secureHeaders());
  app.use(
    cors({
      origin: (origin, c) => (loadConfig(c.env).corsOrigins.includes(origin) ? origin : null),
      allowHeaders: ["authorization", "content-type", "idempotency-key", "x-request-id", "x-api-key"],
      exposeHeaders: ["x-request-id", "retry-after"],
      maxAge: 600,
      credentials: true,
    }),
  );
  app.use(async function limitBodySize(c, next) {
    const maxSize = Number(c.env.MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES;
    return bodyLimit({
      maxSize,
      onError: (ctx) =>
        errorResponse(
          ctx,
          new ApiError(413, "PAYLOAD_TOO_LARGE", `Request body exceeds the limit of ${maxSize} bytes`),
        ),
    })(c, next);
  });
  app.use(services());

  app.route("/health", healthApp);
  app.route("/internal", internalApp);
  app.route("/internal/knowledge", knowledgeInternalApp);
  app.route("/internal/herald", heraldInternalApp);
  app.route("/internal/cache", cacheInternalApp);

  // Every workspace-scoped route: who is calling, their role in the workspace, rate limits,
  // and Idempotency-Key on creating POSTs — once, here, before any endpoint group runs.
  app.use("/api/*", authenticate());
  app.use("/api/workspaces/:workspaceId/*", workspaceAccess(), rateLimit(), idempotency());

  // Endpoint groups (one line each).
  app.route("/api/workspaces", workspacesApp);
  app.route("/api/workspaces/:workspaceId/alerts", alertsApp);
  app.route("/api/workspaces/:workspaceId/intelligence", intelligenceApp);
  app.route("/api/workspaces/:workspaceId/api-keys", apiKeysApp);
  app.route("/api/workspaces/:workspaceId/campaigns", campaignsApp);
  app.route("/api/workspaces/:workspaceId/moves", movesApp);
  app.route("/api/workspaces/:workspaceId/achievements", achievementsApp);
  app.route("/api/workspaces/:workspaceId/quests", questsApp);
  app.route("/api/workspaces/:workspaceId", lordsApp);
  app.route("/api/workspaces/:workspaceId/council", councilApp);
  app.route("/api/workspaces/:workspaceId/knowledge", knowledgeApp);
  // Before the agents API: its middleware requires agents:invoke on every /agents/* path.
  app.route("/api/workspaces/:workspaceId/agents/:code/memories", agentMemoriesApp);
  app.route("/api/workspaces/:workspaceId/cache", cacheApp);
  app.route("/", agentsApi);
  app.route("/metrics", metricsApp);

  app.route("/", docsApp(app));

  app.onError(onError);
  app.notFound(notFoundOrMethodNotAllowed(app));
  return app;
}
