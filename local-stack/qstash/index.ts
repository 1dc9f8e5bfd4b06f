import { createServer } from "node:http";
import { Redis } from "ioredis";
import { listen, type StandIn } from "../stand-in.ts";
import { createApp } from "./app.ts";
import type { QStashContext } from "./context.ts";
import type { CronGranularity } from "./cron.ts";
import { redisKeys } from "./keys.ts";
import { nodeHandler } from "./node-adapter.ts";
import { startScheduler } from "./scheduler.ts";
import { startWorker } from "./worker.ts";

/** Options of the local QStash stand-in. */
export interface QStashOptions {
  port: number;
  host?: string;
  redisUrl: string;
  token: string;
  currentSigningKey: string;
  nextSigningKey: string;
  /** Multiplies retry delays; 1 = QStash's real schedule, tests use ~0.001. */
  backoffScale?: number;
  /** Redis namespace (`qstash:{keyPrefix}:…`) so concurrent test runs never share state. */
  keyPrefix?: string;
  /** `second` makes cron's first field count seconds so schedules fire within a test; see cron.ts. */
  cronGranularity?: CronGranularity;
  /** How often the delivery and schedule loops poll Redis. */
  pollIntervalMs?: number;
}

/**
 * Starts a stand-in speaking the QStash v2 API, backed by Redis. State survives restarts: a new
 * stand-in on the same Redis and prefix resumes pending, delayed and retrying deliveries.
 */
export async function startQStash(options: QStashOptions): Promise<StandIn> {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  try {
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`QStash stand-in cannot reach Redis at ${options.redisUrl}`, { cause: error });
  }
  const ctx: QStashContext = {
    redis,
    keys: redisKeys(options.keyPrefix ?? "local"),
    token: options.token,
    signingKeys: { current: options.currentSigningKey, next: options.nextSigningKey },
    backoffScale: options.backoffScale ?? 1,
    cronGranularity: options.cronGranularity ?? "minute",
    now: () => Date.now(),
  };
  const pollIntervalMs = options.pollIntervalMs ?? 50;
  const report = (error: unknown) => console.error("[qstash stand-in]", error);
  const app = createApp(ctx);
  const server = createServer(nodeHandler((request, env) => app.fetch(request, env)));
  const worker = startWorker(ctx, pollIntervalMs, report);
  const scheduler = startScheduler(ctx, pollIntervalMs, report);
  const stop = async () => {
    await Promise.all([worker.stop(), scheduler.stop()]);
    await redis.quit();
  };
  try {
    return await listen(server, options.port, options.host, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}
