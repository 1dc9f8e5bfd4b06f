import { Hono } from "hono";
import type { QStashContext } from "../context.ts";
import { listEvents } from "../event-log.ts";
import { countParam, listParam, parseFilters } from "../filters.ts";
import { type AppEnv, queryOf } from "../http.ts";
import { logView } from "../views.ts";

async function page(ctx: QStashContext, query: URLSearchParams) {
  const { events, cursor } = await listEvents(ctx, {
    filters: parseFilters(query),
    messageIds: listParam(query, "messageIds"),
    cursor: query.get("cursor") ?? undefined,
    count: countParam(query),
  });
  return { cursor, entries: events.map(logView) };
}

/** Message logs: `GET /v2/events` (what `client.logs()` calls) and `GET /v2/logs` (the REST reference). */
export function logRoutes(ctx: QStashContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/events", async (c) => {
    const { cursor, entries } = await page(ctx, queryOf(c));
    return c.json({ cursor, events: entries });
  });

  app.get("/logs", async (c) => {
    const { cursor, entries } = await page(ctx, queryOf(c));
    return c.json({ cursor, logs: entries });
  });

  return app;
}
