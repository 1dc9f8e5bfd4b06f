import type { Client as QStashClient } from "@upstash/qstash";
import * as v from "valibot";
import { type WarmDeps, warmCompetitorProfiles } from "./competitor-profiles.ts";
import { warmMarketData } from "./market-data.ts";

/** Where QStash delivers warming jobs. */
export const WARM_PATH = "/internal/cache/warm";

/** What can be warmed. */
export const WARM_KINDS = ["market_data", "competitor_profiles"] as const;
export type WarmKind = (typeof WARM_KINDS)[number];

/**
 * Daily at 04:00 UTC by default: well inside the 7-day TTL of both kinds, so warmed values are
 * at most a day behind Postgres and never lapse into a cold read.
 */
export const DEFAULT_WARM_CRON = "0 4 * * *";

/** The body of a warming delivery. */
export const WarmJob = v.strictObject({
  workspace_id: v.pipe(v.string(), v.uuid()),
  kinds: v.pipe(v.array(v.picklist(WARM_KINDS)), v.minLength(1)),
});
export type WarmJob = v.InferOutput<typeof WarmJob>;

/** One schedule per workspace, so creating it again updates it instead of adding a second. */
export function warmScheduleId(workspaceId: string): string {
  return `cache-warm-${workspaceId.toLowerCase()}`;
}

/** Creates or replaces the workspace's warming schedule. */
export async function scheduleWarming(
  qstash: QStashClient,
  destination: string,
  job: WarmJob,
  cron: string = DEFAULT_WARM_CRON,
): Promise<{ schedule_id: string; cron: string; kinds: WarmKind[] }> {
  const { scheduleId } = await qstash.schedules.create({
    destination,
    cron,
    scheduleId: warmScheduleId(job.workspace_id),
    body: JSON.stringify(job),
    headers: { "content-type": "application/json" },
    label: "cache-warming",
  });
  return { schedule_id: scheduleId, cron, kinds: [...job.kinds] };
}

/** Removes the workspace's warming schedule; false if it had none. */
export async function unscheduleWarming(qstash: QStashClient, workspaceId: string): Promise<boolean> {
  try {
    await qstash.schedules.delete(warmScheduleId(workspaceId));
    return true;
  } catch (error) {
    if (error instanceof Error && /not found|404/i.test(error.message)) return false;
    throw error;
  }
}

/** Runs a warming job: rebuilds and stores each kind; returns how many values each stored. */
export async function runWarming(deps: WarmDeps, job: WarmJob): Promise<Record<WarmKind, number>> {
  const counts: Record<WarmKind, number> = { market_data: 0, competitor_profiles: 0 };
  for (const kind of new Set(job.kinds)) {
    counts[kind] =
      kind === "market_data"
        ? await warmMarketData(deps, job.workspace_id)
        : await warmCompetitorProfiles(deps, job.workspace_id);
  }
  return counts;
}
