import type { Services } from "../../shared/services/services.ts";

/** The outcome of one dependency check. */
export interface CheckResult {
  name: string;
  status: "up" | "down";
  latency_ms: number;
  error?: string;
}

const CHECK_TIMEOUT_MS = 3000;

/** Runs a probe with a timeout and measures it; failures are reported, never thrown. */
export async function timed(name: string, probe: () => Promise<unknown>): Promise<CheckResult> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { name, status: "up", latency_ms: elapsed(started) };
  } catch (err) {
    return { name, status: "down", latency_ms: elapsed(started), error: describe(err) };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

/** A one-line reason without connection strings or tokens. */
function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\w+:\/\/[^\s]+/g, "[url]").slice(0, 200);
}

/** Postgres round trip. */
export const checkPostgres = (services: Services) => timed("postgres", () => services.sql`select 1 as ok`);

/** Every managed dependency, checked concurrently. */
export function checkAll(services: Services): Promise<CheckResult[]> {
  return Promise.all([
    checkPostgres(services),
    timed("redis", async () => {
      const pong = await services.redis.ping();
      if (pong !== "PONG") throw new Error(`unexpected PING reply ${String(pong)}`);
    }),
    timed("qstash", () => services.qstash.queue().list()),
    timed("vector", () => services.vector.info()),
  ]);
}
