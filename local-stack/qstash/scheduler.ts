import type { QStashContext } from "./context.ts";
import { nextCronTime, parseCron } from "./cron.ts";
import { type Loop, startLoop } from "./loop.ts";
import { publish } from "./publisher.ts";
import { claimDueSchedules, getSchedule, saveSchedule, startScheduleRun } from "./schedule-store.ts";
import type { StoredSchedule } from "./types.ts";

/** When a schedule fires next after `after` (unix ms). */
export function nextRunOf(ctx: QStashContext, cron: string, after: number): number {
  return nextCronTime(parseCron(cron), after, ctx.cronGranularity);
}

/** Publishes one run of a schedule: its template, tagged with the schedule id, after its delay. */
async function runSchedule(ctx: QStashContext, schedule: StoredSchedule): Promise<void> {
  const now = ctx.now();
  const { messageId } = await publish(ctx, {
    ...schedule.template,
    scheduleId: schedule.scheduleId,
    notBefore: now + (schedule.delayMs ?? 0),
  });
  await startScheduleRun(ctx, schedule.scheduleId, [messageId]);
  // Re-read: the schedule may have been updated, paused or deleted while this run was published.
  const latest = await getSchedule(ctx, schedule.scheduleId);
  if (!latest) return;
  await saveSchedule(ctx, { ...latest, lastScheduleTime: now, nextScheduleTime: nextRunOf(ctx, latest.cron, now) });
}

/** The schedule loop: runs every schedule whose time has come, then arms its next run. */
export function startScheduler(ctx: QStashContext, pollIntervalMs: number, onError: (error: unknown) => void): Loop {
  return startLoop(
    pollIntervalMs,
    async () => {
      for (const id of await claimDueSchedules(ctx)) {
        const schedule = await getSchedule(ctx, id);
        if (schedule && !schedule.isPaused) await runSchedule(ctx, schedule);
      }
    },
    onError,
  );
}
