import type { PerformanceMetrics } from "./types.ts";

/** Turns raw execution counters into reported metrics (rates are null before any execution). */
export function toMetrics(
  executions: number,
  successes: number,
  failures: number,
  totalLatencyMs: number,
): PerformanceMetrics {
  return {
    executions,
    successes,
    failures,
    success_rate: executions > 0 ? successes / executions : null,
    average_latency_ms: executions > 0 ? totalLatencyMs / executions : null,
  };
}
