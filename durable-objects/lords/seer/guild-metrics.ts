import type { PerformanceMetric } from "../../../shared/domain/seer/index.ts";

/** One period of a guild's recorded performance (guild_performance_metrics). */
export interface GuildPeriod {
  executions: number;
  successes: number;
  avg_latency_ms: number | null;
  cost_usd: number;
  quality_score: number | null;
}

/**
 * Metric histories of a guild from its recorded periods, oldest first: success_rate
 * (successes ÷ executions) and cost_per_execution (cost ÷ executions) over periods that ran
 * anything, avg_latency_ms and quality_score where recorded. Latency and cost are better lower.
 * A metric with no recorded value is left out.
 */
export function guildMetricHistories(periods: readonly GuildPeriod[]): PerformanceMetric[] {
  const ran = periods.filter((p) => p.executions > 0);
  const metrics: PerformanceMetric[] = [
    { name: "success_rate", values: ran.map((p) => p.successes / p.executions) },
    { name: "avg_latency_ms", values: periods.flatMap((p) => p.avg_latency_ms ?? []), higherIsBetter: false },
    { name: "cost_per_execution", values: ran.map((p) => p.cost_usd / p.executions), higherIsBetter: false },
    { name: "quality_score", values: periods.flatMap((p) => p.quality_score ?? []) },
  ];
  return metrics.filter((metric) => metric.values.length > 0);
}
