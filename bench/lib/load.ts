/** How hard and how long to drive one measurement. */
export interface LoadOptions {
  /** Requests in flight at once (closed loop: each connection sends its next when one completes). */
  concurrency: number;
  /** Stop after this long... */
  durationMs: number;
  /** ...or after this many requests, whichever comes first. */
  maxRequests: number;
  /** Unrecorded run first (JIT, connection pools, isolate start-up); bounded the same way. */
  warmupMs: number;
}

/** The outcome of one measurement; latencies in milliseconds. */
export interface Row {
  name: string;
  requests: number;
  errors: number;
  /** First error message, so a failing run says why. */
  firstError?: string;
  durationMs: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** One thing to measure: a name for the table and the call to repeat. */
export interface Case {
  name: string;
  fn: () => Promise<unknown>;
}

const WARMUP_MAX_REQUESTS = 2_000;

/**
 * Calls `fn` in a closed loop with `concurrency` callers until `durationMs` or `maxRequests` is
 * reached, after an unrecorded warm-up. `fn` throws to count an error.
 */
export async function measure(name: string, fn: () => Promise<unknown>, options: LoadOptions): Promise<Row> {
  const [row] = await measureAll([{ name, fn }], options, { rounds: 1 });
  return row!;
}

/**
 * Measures several cases in interleaved rounds (A B C A B C …), each round getting an equal
 * share of `durationMs` and `maxRequests`, so background load on a shared machine hits every case
 * alike and the ratios between them stay meaningful. Each case is warmed up once first.
 */
export async function measureAll(cases: Case[], options: LoadOptions, { rounds = 3 } = {}): Promise<Row[]> {
  if (options.warmupMs > 0) {
    for (const { fn } of cases) {
      await drive(fn, { ...options, durationMs: options.warmupMs, maxRequests: WARMUP_MAX_REQUESTS });
    }
  }
  const share = {
    ...options,
    durationMs: options.durationMs / rounds,
    maxRequests: Math.max(1, Math.floor(options.maxRequests / rounds)),
  };
  const runs = cases.map((): Run[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, { fn }] of cases.entries()) runs[i]!.push(await drive(fn, share));
  }
  return cases.map(({ name }, i) => summarize(name, runs[i]!));
}

function summarize(name: string, runs: Run[]): Row {
  const latencies = runs.flatMap((run) => run.latencies);
  const sorted = Float64Array.from(latencies).sort();
  const elapsedMs = runs.reduce((sum, run) => sum + run.elapsedMs, 0);
  const firstError = runs.find((run) => run.firstError)?.firstError;
  return {
    name,
    requests: latencies.length,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    ...(firstError ? { firstError } : {}),
    durationMs: elapsedMs,
    rps: latencies.length / (elapsedMs / 1000),
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

interface Run {
  latencies: number[];
  errors: number;
  firstError?: string;
  elapsedMs: number;
}

async function drive(fn: () => Promise<unknown>, options: LoadOptions): Promise<Run> {
  const run: Run = { latencies: [], errors: 0, elapsedMs: 0 };
  const started = performance.now();
  const deadline = started + options.durationMs;
  let issued = 0;
  const caller = async () => {
    while (issued < options.maxRequests && performance.now() < deadline) {
      issued++;
      const sent = performance.now();
      try {
        await fn();
        run.latencies.push(performance.now() - sent);
      } catch (error) {
        run.errors++;
        run.firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, caller));
  run.elapsedMs = performance.now() - started;
  return run;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
