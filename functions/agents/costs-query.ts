import type { Tx } from "../../shared/db/database.ts";

/** A period of whole UTC days, `to` included. */
export interface CostPeriod {
  from: string;
  to: string;
}

/** Spend of one group in the period. */
export interface CostLine {
  cost_usd: number;
  entries: number;
  /** Entries answered from the agent response cache, at zero cost. */
  cache_hits: number;
  tokens_in: number;
  tokens_out: number;
}

/** `GET …/costs` breakdowns. */
export interface CostBreakdown {
  total: CostLine;
  by_agent: (CostLine & { agent_code: string | null; guild: string | null })[];
  by_model: (CostLine & { provider: string | null; model: string | null })[];
  by_guild: (CostLine & { guild: string | null })[];
  by_day: (CostLine & { day: string })[];
}

const LINE = (tx: Tx) => tx`
  coalesce(sum(l.amount_usd), 0)::float8 as cost_usd, count(l.id)::int as entries,
  count(l.id) filter (where l.cache_hit)::int as cache_hits, coalesce(sum(l.tokens_in), 0)::int as tokens_in, coalesce(sum(l.tokens_out), 0)::int as tokens_out`;

/** Spend of a workspace in a period from the cost ledger, by agent, model, guild and day. */
export async function costBreakdown(tx: Tx, workspaceId: string, period: CostPeriod): Promise<CostBreakdown> {
  const scope = tx`
    from public.cost_ledger l
    left join public.agent_registry a on a.id = l.agent_id
    left join public.guilds g on g.id = a.guild_id
    where l.workspace_id = ${workspaceId}
      and l.occurred_at >= ${period.from}::date
      and l.occurred_at < ${period.to}::date + 1`;
  const [total] = await tx<CostLine[]>`select ${LINE(tx)} ${scope}`;
  const byAgent = await tx<CostBreakdown["by_agent"]>`
    select a.code as agent_code, g.slug as guild, ${LINE(tx)} ${scope}
    group by a.code, g.slug order by cost_usd desc, agent_code`;
  const byModel = await tx<CostBreakdown["by_model"]>`
    select l.provider, l.model, ${LINE(tx)} ${scope}
    group by l.provider, l.model order by cost_usd desc, l.provider, l.model`;
  const byGuild = await tx<CostBreakdown["by_guild"]>`
    select g.slug as guild, ${LINE(tx)} ${scope}
    group by g.slug order by cost_usd desc, guild`;
  const byDay = await tx<CostBreakdown["by_day"]>`
    select to_char((l.occurred_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day, ${LINE(tx)} ${scope}
    group by 1 order by 1`;
  return {
    total: total ?? { cost_usd: 0, entries: 0, cache_hits: 0, tokens_in: 0, tokens_out: 0 },
    by_agent: byAgent,
    by_model: byModel,
    by_guild: byGuild,
    by_day: byDay,
  };
}
