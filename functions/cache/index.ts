import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { invalidatePattern } from "../../shared/cache/invalidation.ts";
import { type CacheStats, cacheStats } from "../../shared/cache/stats.ts";
import {
  runWarming,
  scheduleWarming,
  unscheduleWarming,
  WARM_PATH,
  type WarmKind,
} from "../../shared/cache/warm/schedules.ts";
import { requestScope, writeAs } from "../../shared/http/request-scope.ts";
import { type DataResponse, ERROR_RESPONSES } from "../../shared/http/responses.ts";
import { validate } from "../../shared/http/validate.ts";
import { publicUrl } from "../../shared/knowledge/batch.ts";
import { requestActor } from "../knowledge/context.ts";
import { InvalidateQuery, WarmingBody, WarmNowBody } from "./schemas.ts";

const tags = ["cache"];

/** `GET /cache/stats`. */
export type CacheStatsResponse = DataResponse<CacheStats>;

/** `PUT /cache/warming`. */
export type WarmingResponse = DataResponse<{ schedule_id: string; cron: string; kinds: WarmKind[] }>;

/** `POST /cache/warming/run`: how many values each kind stored. */
export type WarmRunResponse = DataResponse<Record<WarmKind, number>>;

/** The workspace's cache: manual invalidation, statistics, and warming schedules. */
export const cacheApp = new Hono<AppEnv>()
  .delete(
    "/",
    describeRoute({
      tags,
      summary: "Invalidate the workspace's cached values matching a pattern (SCAN, never KEYS)",
      responses: {
        // How many keys went, by data type, is in the `cache.invalidated` event.
        204: { description: "Invalidated" },
        ...ERROR_RESPONSES,
      },
    }),
    requirePermission("cache:manage"),
    validate("query", InvalidateQuery),
    async (c) => {
      const { pattern } = c.req.valid("query");
      const scope = requestScope(c);
      const result = await invalidatePattern(c.get("services").redis, requestActor(c).workspaceId, pattern);
      await writeAs(scope, (_tx, emit) =>
        emit("cache.invalidated", { trigger: "manual", pattern, removed: result.removed, by_type: result.by_type }),
      );
      return c.body(null, 204);
    },
  )
  .get(
    "/stats",
    describeRoute({
      tags,
      summary: "Hit rate, size, evictions and money saved, overall and per data type",
      responses: { 200: { description: "`{ data: CacheStats }`" }, ...ERROR_RESPONSES },
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
      responses: { 200: { description: "`{ data: { schedule_id, cron, kinds } }`" }, ...ERROR_RESPONSES },
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
      responses: { 204: { description: "Stopped (or there was none)" }, ...ERROR_RESPONSES },
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
      responses: {
        200: { description: "`{ data: { <kind>: count } }`: how many values each kind stored" },
        ...ERROR_RESPONSES,
      },
    }),
    requirePermission("cache:manage"),
    validate("json", WarmNowBody),
    async (c) => {
      const { sql, redis } = c.get("services");
      const counts = await runWarming(
        { sql, redis },
        { workspace_id: requestActor(c).workspaceId, kinds: c.req.valid("json").kinds },
      );
      return c.json<WarmRunResponse>({ data: counts });
    },
  );
