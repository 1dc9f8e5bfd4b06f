import { Hono } from "hono";
import { cancelMessages } from "../cancel.ts";
import type { QStashContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { listParam, matchesFilters, parseFilters } from "../filters.ts";
import { type AppEnv, queryOf } from "../http.ts";
import { getMessage, getMessages, pendingMessageIds } from "../message-store.ts";
import type { StoredMessage } from "../types.ts";
import { messageView } from "../views.ts";

/** The fields message filters look at. */
function messageFilterable(message: StoredMessage) {
  return {
    messageId: message.messageId,
    url: message.url,
    time: message.createdAt,
    queueName: message.queueName,
    scheduleId: message.scheduleId,
    labels: message.labels,
    flowControlKey: message.flowControl?.key,
    callerIp: message.callerIp,
  };
}

/** `GET|DELETE /v2/messages/{id}` and bulk `DELETE /v2/messages`. */
export function messageRoutes(ctx: QStashContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/messages/:messageId", async (c) => {
    const message = await getMessage(ctx, c.req.param("messageId"));
    if (!message) throw notFound("message");
    return c.json(messageView(message));
  });

  app.delete("/messages/:messageId", async (c) => {
    const cancelled = await cancelMessages(ctx, [c.req.param("messageId")]);
    if (cancelled === 0) throw notFound("message");
    return c.json({ cancelled }, 202);
  });

  app.delete("/messages", async (c) => {
    const query = queryOf(c);
    let ids = listParam(query, "messageIds");
    if (ids.length === 0) {
      // No ids: cancel whatever the filters select (no filters means every pending message).
      const filters = parseFilters(query);
      const pending = await getMessages(ctx, await pendingMessageIds(ctx));
      ids = pending.filter((m) => matchesFilters(messageFilterable(m), filters)).map((m) => m.messageId);
    }
    return c.json({ cancelled: await cancelMessages(ctx, ids) }, 202);
  });

  return app;
}
