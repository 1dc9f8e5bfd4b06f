import type { Tx } from "../../db/database.ts";

/** The execution's ledger entry and by how much this write changed it. */
export interface LedgerEntry {
  id: string;
  /** New spend this write added (the whole amount on first write; the retry's spend after an admin retry). */
  addedUsd: number;
}

/**
 * Writes the execution's one `llm` ledger entry from its final totals (every delivery's calls, failed and
 * repair calls included). The unique index on (workspace_id, execution_id) keeps it to one row: writing the
 * same totals again changes nothing, so a redelivered message can never charge twice; an admin retry of a
 * dead letter raises the entry to the new totals. An execution answered from the response cache gets a
 * zero-cost entry marked `cache_hit`; other executions that made no model call get no entry.
 */
export async function recordExecutionCost(
  tx: Tx,
  executionId: string,
  workspaceId: string,
): Promise<LedgerEntry | undefined> {
  const [row] = await tx<{ id: string; added_usd: string }[]>`
    with prior as (
      select amount_usd from public.cost_ledger
      where workspace_id = ${workspaceId} and execution_id = ${executionId} and category = 'llm'
    ), written as (
      insert into public.cost_ledger
        (workspace_id, category, amount_usd, description, model, provider, tokens_in, tokens_out, budget_id,
         execution_id, agent_id, occurred_at, cache_hit)
      select e.workspace_id, 'llm', e.cost_usd,
             'Agent ' || a.code || ' execution' || case when e.cached then ' (cache hit)' else '' end,
             e.model, e.provider, e.tokens_in, e.tokens_out, b.id, e.id, e.agent_id, coalesce(e.completed_at, now()),
             e.cached
      from public.agent_execution_logs e
      join public.agent_registry a on a.id = e.agent_id
      left join public.budgets b on b.workspace_id = e.workspace_id
      where e.id = ${executionId} and e.workspace_id = ${workspaceId} and (e.attempts > 0 or e.cached)
      on conflict (workspace_id, execution_id) where category = 'llm' and execution_id is not null
      do update set amount_usd = excluded.amount_usd, tokens_in = excluded.tokens_in, tokens_out = excluded.tokens_out,
                    model = excluded.model, provider = excluded.provider, cache_hit = excluded.cache_hit,
                    description = excluded.description
      where cost_ledger.amount_usd is distinct from excluded.amount_usd
         or cost_ledger.tokens_in is distinct from excluded.tokens_in
         or cost_ledger.cache_hit is distinct from excluded.cache_hit
      returning id, amount_usd
    )
    select w.id, (w.amount_usd - coalesce((select amount_usd from prior), 0))::text as added_usd from written w`;
  return row ? { id: row.id, addedUsd: Number(row.added_usd) } : undefined;
}

/** Sum of a workspace's ledger since `since`: the source of truth the Redis counter is reconciled to. */
export async function ledgerSpendSince(tx: Tx, workspaceId: string, since: Date): Promise<number> {
  const [row] = await tx<{ total: string }[]>`
    select coalesce(sum(amount_usd), 0)::text as total from public.cost_ledger
    where workspace_id = ${workspaceId} and occurred_at >= ${since}`;
  return Number(row?.total ?? 0);
}
