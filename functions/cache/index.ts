import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { type InvalidationResult, invalidatePattern } from "../../shared/cache/invalidation.ts";
import { type CacheStats, cacheStats } from "../../shared/cache/stats.ts";
import {
  runWarming,
  scheduleWarming,
  unscheduleWarming,
  WARM_PATH,
  type WarmKind,
} from "../../shared/cache/warm/schedules.ts";
import { withUser } from "../../shared/db/database.ts";
import { publishEvents } from "../../shared/events/publish.ts";
import { recordEvent } from "../../shared/events/record.ts";
import { validate } from "../../shared/http/validate.ts";
import { publicUrl } from "../../shared/knowledge/batch.ts";
import { requestActor, requestDeps } from "../knowledge/context.ts";
import { InvalidateQuery, WarmingBody, WarmNowBody } from "./schemas.ts";

const tags = ["cache"];

/** `DELETE /cache?pattern=`. */
export interface InvalidateResponse {
  data: InvalidationResult & { pattern: string };
}

/** `GET /cache/stats`. */
export interface CacheStatsResponse {
  data: CacheStats;
}

/** `PUT /cache/warming`. */
export interface WarmingResponse {
  data: { schedule_id: string; cron: string; kinds: WarmKind[] };
}

/** The workspace's cache: manual invalidation, statistics, and warming schedules. */
export const cacheApp = new Hono<AppEnv>()
  .delete(
    "/",
    describeRoute({
      tags,
      summary: "Invalidate the workspace's cached values matching a pattern (SCAN, never KEYS)",
      responses: { 200: { description: "How many keys were removed, by data type" } },
    }),
    requirePermission("cache:manage"),
    validate("query", InvalidateQuery),
    async (c) => {
      const { pattern } = c.req.valid("query");
      const actor = requestActor(c);
      const deps = requestDeps(c);
      const result = await invalidatePattern(deps.redis, actor.workspaceId, pattern);
      const event = await withUser(deps.sql, deps.claims!, (tx) =>
        recordEvent(tx, {
          workspaceId: actor.workspaceId,
          type: "cache.invalidated",
          payload: { trigger: "manual", pattern, removed: result.removed, by_type: result.by_type },
          actorId: actor.actorId,
          requestId: actor.requestId,
        }),
      );
      await publishEvents(c.env, [event], { logger: c.get("logger") });
      return c.json<InvalidateResponse>({ data: { pattern, ...result } });
    },
  )
  .get(
    "/stats",
    describeRoute({
      tags,
      summary: "Hit rate, size, evictions and money saved, overall and per data type",
      responses: { 200: { description: "The workspace's cache statistics" } },
    }),
    requirePermission("costs:read"),
    async (c) =>
      c.json<CacheStatsResponse>({ data: await cacheStats(c.get("services").redis, requestActor(c).workspaceId) }),
  )
  .put(
    "/warming",
    describeRoute({
      tags,
      summary: "Schedule cache warming (market data, competitor profiles) with QStash",
      responses: { 200: { description: "The workspace's warming schedule" } },
    }),
    requirePermission("cache:manage"),
    validate("json", WarmingBody),
    async (c) => {
      const { kinds, cron } = c.req.valid("json");
      const { qstash, config } = c.get("services");
      const workspaceId = requestActor(c).workspaceId;
      const schedule = await scheduleWarming(
        qstash,
        publicUrl(config.PUBLIC_BASE_URL, WARM_PATH),
        { workspace_id: workspaceId, kinds },
        cron,
      );
      return c.json<WarmingResponse>({ data: schedule });
    },
  )
  .delete(
    "/warming",
    describeRoute({
      tags,
      summary: "Stop the workspace's cache warming",
      responses: { 204: { description: "Stopped (or there was none)" } },
    }),
    requirePermission("cache:manage"),
    async (c) => {
      await unscheduleWarming(c.get("services").qstash, requestActor(c).workspaceId);
      return c.body(null, 204);
    },
  )
  .post(
    "/warming/run",
    describeRoute({
      tags,
      summary: "Warm the cache now, as the scheduled job would",
      responses: { 200: { description: "How many values each kind stored" } },
    }),
    requirePermission("cache:manage"),
    validate("json", WarmNowBody),
    async (c) => {
      const { sql, redis } = c.get("services");
      const counts = await runWarming(
        { sql, redis },
        { workspace_id: requestActor(c).workspaceId, kinds: c.req.valid("json").kinds },
      );
      return c.json({ data: counts });
    },
  );
