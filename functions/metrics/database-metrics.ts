import { type Sql, withService } from "../../shared/db/database.ts";
import { columnValues } from "../../shared/db/rows.generated.ts";
import type { MetricFamily } from "./prometheus.ts";

/** Dead-letter statuses that still need an operator. */
const OPEN_DEAD_LETTERS = ["pending", "retrying"] as const;

interface Counted {
  key: string;
  n: number;
  extra: number;
}

const byKey = (rows: readonly Counted[]) => new Map(rows.map((row) => [row.key, row]));

/**
 * Figures only Postgres knows, across every workspace (as the service role): agent executions of the last
 * hour by status, model and API spend since midnight UTC, and dead letters waiting for an operator.
 */
export async function databaseMetrics(sql: Sql): Promise<MetricFamily[]> {
  const { executions, costs, deadLetters } = await withService(sql, async (tx) => ({
    executions: await tx<Counted[]>`
      select status as key, count(*)::int as n, count(*) filter (where cached)::int as extra
      from public.agent_execution_logs where created_at >= now() - interval '1 hour'
      group by status`,
    costs: await tx<Counted[]>`
      select category as key, coalesce(sum(amount_usd), 0)::float8 as n,
             count(*) filter (where cache_hit)::int as extra
      from public.cost_ledger
      where occurred_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'
      group by category`,
    deadLetters: await tx<Counted[]>`
      select status as key, count(*)::int as n, 0 as extra
      from public.dead_letters where status in ${tx(OPEN_DEAD_LETTERS)}
      group by status`,
  }));
  const execution = byKey(executions);
  const cost = byKey(costs);
  const letters = byKey(deadLetters);
  return [
    {
      name: "raptorflow_agent_executions_last_hour",
      help: "Agent executions created in the last hour, by status",
      type: "gauge",
      samples: columnValues.agent_execution_logs.status.map((status) => ({
        labels: { status },
        value: execution.get(status)?.n ?? 0,
      })),
    },
    {
      name: "raptorflow_agent_executions_cached_last_hour",
      help: "Agent executions of the last hour answered from the response cache",
      type: "gauge",
      samples: [{ value: executions.reduce((sum, row) => sum + row.extra, 0) }],
    },
    {
      name: "raptorflow_cost_today_usd",
      help: "Spend recorded in the cost ledger since midnight UTC, by category",
      type: "gauge",
      samples: columnValues.cost_ledger.category.map((category) => ({
        labels: { category },
        value: cost.get(category)?.n ?? 0,
      })),
    },
    {
      name: "raptorflow_cost_cache_hits_today",
      help: "Zero-cost ledger entries of agent executions answered from the cache since midnight UTC",
      type: "gauge",
      samples: [{ value: costs.reduce((sum, row) => sum + row.extra, 0) }],
    },
    {
      name: "raptorflow_dead_letters",
      help: "Dead letters waiting for an operator, by status",
      type: "gauge",
      samples: OPEN_DEAD_LETTERS.map((status) => ({ labels: { status }, value: letters.get(status)?.n ?? 0 })),
    },
  ];
}
