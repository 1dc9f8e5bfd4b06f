import { DomainInputError } from "../errors.ts";
import { requireInRange, requireInteger, requireNonNegative, requirePositive } from "../validate.ts";
import type { Bottleneck } from "./analyze.ts";

/** Measurements the gain estimates are computed from; each strategy needs its own block. */
export interface OptimizationInputs {
  caching?: {
    /** Current share of requests served from cache, 0–1. */
    hitRatio: number;
    /** Hit ratio a better cache (keys, TTLs, warming) is expected to reach. */
    targetHitRatio: number;
    cacheLatencyMs: number;
    originLatencyMs: number;
  };
  queueing?: {
    /** λ, requests per second arriving. */
    arrivalRate: number;
    /** μ, requests per second one server completes. */
    serviceRate: number;
    /** Servers now (default 1). */
    servers?: number;
    /** Utilisation to scale down to (default 0.7). */
    targetUtilisation?: number;
  };
  retries?: {
    /** Per-attempt failure probability of transient errors, 0–1. */
    failureRate: number;
    /** Retries to add (1–5). */
    maxRetries: number;
  };
}

/** An optimisation with its gain computed from the inputs. */
export interface OptimizationStrategy {
  id: "caching" | "horizontal_scaling" | "retry_with_backoff";
  title: string;
  metric: Bottleneck["metric"];
  /** Fractional improvement of the metric (0.3 = 30%); null when the current state is unbounded (ρ ≥ 1). */
  estimatedGain: number | null;
  before: number | null;
  after: number;
  unit: "ms" | "req/s" | "error rate";
  assumptions: string[];
  tradeoffs: string[];
}

/**
 * Above ρ = 0.7 an M/M/1 queue's response time (1/(μ − λ) = service time / (1 − ρ)) exceeds 3.3× the service time
 * and climbs steeply, so scaling targets 70% utilisation by default.
 */
export const DEFAULT_TARGET_UTILISATION = 0.7;

/**
 * Strategies for a bottleneck, best estimated gain first (an unstable queue first of all):
 * - caching (latency): expected latency E = h·cache + (1 − h)·origin, gain = 1 − E(target h) / E(current h);
 * - horizontal_scaling (latency, throughput): traffic split evenly over c servers, each an
 *   M/M/1 queue with utilisation ρ = λ/(cμ) and response time W = 1/(μ − λ/c); c is the fewest servers reaching the
 *   target utilisation. Latency gain = 1 − W'/W; throughput gain = added capacity c'μ / cμ − 1;
 * - retry_with_backoff (error rate): with independent transient failures p and r retries the failure rate becomes
 *   p^(r+1), a reduction of 1 − p^r, at the cost of 1 + p + … + p^r attempts per request.
 */
export function optimizationStrategies(
  bottleneck: Pick<Bottleneck, "metric">,
  inputs: OptimizationInputs,
): OptimizationStrategy[] {
  const out: OptimizationStrategy[] = [];
  const { metric } = bottleneck;
  if (metric === "latency" && inputs.caching) out.push(caching(inputs.caching));
  if (metric !== "error_rate" && inputs.queueing) {
    const s = scaling(metric, inputs.queueing);
    if (s) out.push(s);
  }
  if (metric === "error_rate" && inputs.retries) out.push(retries(inputs.retries));
  if (out.length === 0) {
    const needs = { latency: "caching or queueing", throughput: "queueing", error_rate: "retries" }[metric];
    throw new DomainInputError("inputs", `a ${metric} bottleneck needs ${needs} measurements to estimate gains`);
  }
  const rank = (s: OptimizationStrategy) => s.estimatedGain ?? Number.POSITIVE_INFINITY;
  return out.sort((a, b) => rank(b) - rank(a));
}

function caching(c: NonNullable<OptimizationInputs["caching"]>): OptimizationStrategy {
  const h = requireInRange("inputs.caching.hitRatio", c.hitRatio, 0, 1);
  const target = requireInRange("inputs.caching.targetHitRatio", c.targetHitRatio, h, 1);
  const hit = requireNonNegative("inputs.caching.cacheLatencyMs", c.cacheLatencyMs);
  const miss = requirePositive("inputs.caching.originLatencyMs", c.originLatencyMs);
  const expected = (ratio: number) => ratio * hit + (1 - ratio) * miss;
  const before = expected(h);
  const after = expected(target);
  return {
    id: "caching",
    title: `Raise the cache hit ratio from ${Math.round(h * 100)}% to ${Math.round(target * 100)}%`,
    metric: "latency",
    estimatedGain: 1 - after / before,
    before,
    after,
    unit: "ms",
    assumptions: ["hit and miss latencies stay as measured", "the target hit ratio is reachable for this traffic"],
    tradeoffs: ["staleness bounded by the TTL", "memory for the larger working set"],
  };
}

function scaling(
  metric: "latency" | "throughput",
  q: NonNullable<OptimizationInputs["queueing"]>,
): OptimizationStrategy | null {
  const lambda = requireNonNegative("inputs.queueing.arrivalRate", q.arrivalRate);
  const mu = requirePositive("inputs.queueing.serviceRate", q.serviceRate);
  const servers = requireInteger("inputs.queueing.servers", q.servers ?? 1, 1);
  const target = requireInRange(
    "inputs.queueing.targetUtilisation",
    q.targetUtilisation ?? DEFAULT_TARGET_UTILISATION,
    0.05,
    0.95,
  );
  const needed = Math.max(servers, Math.ceil(lambda / (mu * target) - 1e-12));
  const unstable = lambda >= servers * mu;
  if (needed === servers && !unstable) return null;
  const responseMs = (c: number) => 1000 / (mu - lambda / c);
  const common = {
    id: "horizontal_scaling" as const,
    title: `Scale from ${servers} to ${needed} instances (utilisation ${pct(lambda / (servers * mu))} → ${pct(lambda / (needed * mu))})`,
    assumptions: ["Poisson arrivals, exponential service times (M/M/1 per instance)", "load spread evenly"],
    tradeoffs: [`${needed - servers} more instances to pay for`, "shared downstreams (database) must absorb the load"],
  };
  if (metric === "throughput") {
    return {
      ...common,
      metric,
      estimatedGain: needed / servers - 1,
      before: servers * mu,
      after: needed * mu,
      unit: "req/s",
    };
  }
  const before = unstable ? null : responseMs(servers);
  const after = responseMs(needed);
  return {
    ...common,
    metric,
    estimatedGain: before === null ? null : 1 - after / before,
    before,
    after,
    unit: "ms",
    ...(before === null && {
      assumptions: [...common.assumptions, "now ρ ≥ 1: the queue grows without bound, so any finite time is a gain"],
    }),
  };
}

function retries(r: NonNullable<OptimizationInputs["retries"]>): OptimizationStrategy {
  const p = requireInRange("inputs.retries.failureRate", r.failureRate, 0, 1);
  const n = requireInteger("inputs.retries.maxRetries", r.maxRetries, 1, 5);
  const after = p ** (n + 1);
  const attempts = Array.from({ length: n + 1 }, (_, k) => p ** k).reduce((a, x) => a + x, 0);
  return {
    id: "retry_with_backoff",
    title: `Retry transient failures up to ${n} times with exponential backoff and jitter`,
    metric: "error_rate",
    estimatedGain: p === 0 ? 0 : 1 - after / p,
    before: p,
    after,
    unit: "error rate",
    assumptions: ["failures are transient and independent between attempts", "operations are idempotent"],
    tradeoffs: [`${pct(attempts - 1)} more requests to the dependency`, "longer tail latency on retried requests"],
  };
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
