import { Hono } from "hono";
import { cancelMessages } from "../cancel.ts";
import type { QStashContext } from "../context.ts";
import { badRequest, notFound } from "../errors.ts";
import { type AppEnv, jsonBody } from "../http.ts";
import { getMessages, pendingMessageIds } from "../message-store.ts";
import { deleteQueue, getQueue, isValidQueueName, listQueues, setQueuePaused, upsertQueue } from "../queue-store.ts";
import { queueView } from "../views.ts";

interface UpsertBody {
  queueName?: unknown;
  parallelism?: unknown;
  paused?: unknown;
}

/** Queue CRUD and pause/resume under `/v2/queues`. */
export function queueRoutes(ctx: QStashContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post("/queues", async (c) => {
    const body = ((await jsonBody(c)) ?? {}) as UpsertBody;
    const { queueName, parallelism = 1, paused = false } = body;
    if (typeof queueName !== "string" || !isValidQueueName(queueName)) {
      throw badRequest("queueName may only contain alphanumerics, hyphens, periods and underscores");
    }
    if (typeof parallelism !== "number" || !Number.isInteger(parallelism) || parallelism < 1) {
      throw badRequest("parallelism must be an integer greater than 0");
    }
    await upsertQueue(ctx, queueName, { parallelism, paused: paused === true });
    return c.body(null, 200);
  });

  app.get("/queues", async (c) => c.json((await listQueues(ctx)).map(queueView)));

  app.get("/queues/:queueName", async (c) => {
    const queue = await getQueue(ctx, c.req.param("queueName"));
    if (!queue) throw notFound("queue");
    return c.json(queueView(queue));
  });

  app.delete("/queues/:queueName", async (c) => {
    const name = c.req.param("queueName");
    const pending = await getMessages(ctx, await pendingMessageIds(ctx));
    await cancelMessages(
      ctx,
      pending.filter((m) => m.queueName === name).map((m) => m.messageId),
    );
    await deleteQueue(ctx, name);
    return c.body(null, 200);
  });

  for (const action of ["pause", "resume"] as const) {
    app.post(`/queues/:queueName/${action}`, async (c) => {
      if (!(await setQueuePaused(ctx, c.req.param("queueName"), action === "pause"))) throw notFound("queue");
      return c.body(null, 200);
    });
  }

  return app;
}
