import { Hono } from "hono";
import type { QStashContext } from "../context.ts";
import { badRequest, notFound } from "../errors.ts";
import { type AppEnv, bodyBytes, destinationAfter } from "../http.ts";
import { randomId } from "../ids.ts";
import { parseMessage } from "../message-headers.ts";
import { isValidQueueName } from "../queue-store.ts";
import { deleteSchedule, getSchedule, listSchedules, saveSchedule, scheduleStates } from "../schedule-store.ts";
import { nextRunOf } from "../scheduler.ts";
import type { StoredSchedule } from "../types.ts";
import { scheduleView } from "../views.ts";

const validId = /^[A-Za-z0-9._-]+$/;

/** Schedule CRUD and pause/resume under `/v2/schedules`. */
export function scheduleRoutes(ctx: QStashContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const view = async (schedule: StoredSchedule) =>
    scheduleView(schedule, await scheduleStates(ctx, schedule.scheduleId));

  // Registered before the create route: `/schedules/{id}/pause` must not read as a destination.
  // The SDK sends PATCH; the REST reference documents POST.
  for (const action of ["pause", "resume"] as const) {
    app.on(["PATCH", "POST"], `/schedules/:scheduleId/${action}`, async (c) => {
      const schedule = await getSchedule(ctx, c.req.param("scheduleId"));
      if (!schedule) throw notFound("schedule");
      const isPaused = action === "pause";
      const nextScheduleTime = isPaused ? schedule.nextScheduleTime : nextRunOf(ctx, schedule.cron, ctx.now());
      await saveSchedule(ctx, { ...schedule, isPaused, nextScheduleTime });
      return c.body(null, 200);
    });
  }

  app.post("/schedules/*", async (c) => {
    const headers = c.req.raw.headers;
    const cron = headers.get("upstash-cron");
    if (!cron) throw badRequest("Upstash-Cron header is required");
    const now = ctx.now();
    let nextScheduleTime: number;
    try {
      nextScheduleTime = nextRunOf(ctx, cron, now);
    } catch (error) {
      throw badRequest(`invalid Upstash-Cron: ${(error as Error).message}`);
    }
    const scheduleId = headers.get("upstash-schedule-id") ?? randomId("scd");
    if (!validId.test(scheduleId)) throw badRequest(`invalid schedule id "${scheduleId}"`);
    const queueName = headers.get("upstash-queue-name") ?? undefined;
    if (queueName !== undefined && !isValidQueueName(queueName)) throw badRequest(`invalid queue name "${queueName}"`);
    const parsed = parseMessage({
      destination: destinationAfter(c, 3),
      headers,
      body: await bodyBytes(c),
      callerIp: c.env.callerIp,
    });
    // An existing id is an update: it keeps its creation time and paused state.
    const existing = await getSchedule(ctx, scheduleId);
    await saveSchedule(ctx, {
      scheduleId,
      cron,
      createdAt: existing?.createdAt ?? now,
      template: { ...parsed.template, queueName },
      delayMs: parsed.delayMs,
      isPaused: existing?.isPaused ?? false,
      lastScheduleTime: existing?.lastScheduleTime,
      nextScheduleTime,
    });
    return c.json({ scheduleId });
  });

  app.get("/schedules", async (c) => c.json(await Promise.all((await listSchedules(ctx)).map(view))));

  app.get("/schedules/:scheduleId", async (c) => {
    const schedule = await getSchedule(ctx, c.req.param("scheduleId"));
    if (!schedule) throw notFound("schedule");
    return c.json(await view(schedule));
  });

  app.delete("/schedules/:scheduleId", async (c) => {
    const id = c.req.param("scheduleId");
    if (!(await getSchedule(ctx, id))) throw notFound("schedule");
    await deleteSchedule(ctx, id);
    return c.body(null, 200);
  });

  return app;
}
