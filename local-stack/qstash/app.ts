import { Hono } from "hono";
import { qstashAuth } from "./auth.ts";
import type { QStashContext } from "./context.ts";
import { ApiError } from "./errors.ts";
import type { AppEnv } from "./http.ts";
import { dlqRoutes } from "./routes/dlq.ts";
import { logRoutes } from "./routes/logs.ts";
import { messageRoutes } from "./routes/messages.ts";
import { publishRoutes } from "./routes/publish.ts";
import { queueRoutes } from "./routes/queues.ts";
import { scheduleRoutes } from "./routes/schedules.ts";

/** The QStash v2 REST API of the stand-in; errors use QStash's `{ "error": "…" }` envelope. */
export function createApp(ctx: QStashContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json({ error: error.message }, error.status);
    console.error("[qstash stand-in]", error);
    return c.json({ error: "internal error" }, 500);
  });
  app.notFound((c) => c.json({ error: "not found" }, 404));

  app.use("/v2/*", qstashAuth(ctx.token));
  // The SDK's dev-mode probe reads the signing keys here.
  app.get("/v2/keys", (c) => c.json({ current: ctx.signingKeys.current, next: ctx.signingKeys.next }));
  for (const routes of [publishRoutes, messageRoutes, queueRoutes, scheduleRoutes, dlqRoutes, logRoutes]) {
    app.route("/v2", routes(ctx));
  }
  return app;
}
