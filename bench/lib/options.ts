import { parseArgs } from "node:util";
import type { LoadOptions } from "./load.ts";

/** Defaults are deliberately short: the machine is shared, and ratios need seconds, not minutes. */
const defaults: LoadOptions = { concurrency: 16, durationMs: 5_000, maxRequests: 200_000, warmupMs: 1_000 };
/** Hard bounds, whatever is asked for: every loop ends, and never floods the machine. */
const limits: LoadOptions = { concurrency: 256, durationMs: 120_000, maxRequests: 2_000_000, warmupMs: 30_000 };

/**
 * Load options from the command line (`--connections 32 --duration 10 --max-requests 50000
 * --warmup 2`, durations in seconds) or `BENCH_CONNECTIONS`, `BENCH_DURATION`,
 * `BENCH_MAX_REQUESTS`, `BENCH_WARMUP`.
 */
export function loadOptions(argv = process.argv.slice(2)): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: {
      connections: { type: "string" },
      duration: { type: "string" },
      "max-requests": { type: "string" },
      warmup: { type: "string" },
    },
  });
  const pick = (flag: unknown, env: string | undefined, fallback: number, scale = 1) => {
    const raw = typeof flag === "string" ? flag : env;
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`bench: invalid number ${raw}`);
    return Math.round(value * scale);
  };
  const asked: LoadOptions = {
    concurrency: pick(values.connections, process.env.BENCH_CONNECTIONS, defaults.concurrency) || 1,
    durationMs: pick(values.duration, process.env.BENCH_DURATION, defaults.durationMs, 1000) || defaults.durationMs,
    maxRequests: pick(values["max-requests"], process.env.BENCH_MAX_REQUESTS, defaults.maxRequests) || 1,
    warmupMs: pick(values.warmup, process.env.BENCH_WARMUP, defaults.warmupMs, 1000),
  };
  return {
    concurrency: Math.min(asked.concurrency, limits.concurrency),
    durationMs: Math.min(asked.durationMs, limits.durationMs),
    maxRequests: Math.min(asked.maxRequests, limits.maxRequests),
    warmupMs: Math.min(asked.warmupMs, limits.warmupMs),
  };
}
