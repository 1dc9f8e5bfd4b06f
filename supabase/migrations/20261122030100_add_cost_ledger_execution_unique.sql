-- One model-spend ledger entry per agent execution.
--
-- The agent runtime writes an execution's `llm` entry once, from its final totals, with
-- `on conflict do nothing`: a redelivered QStash message can then never charge a workspace twice.

create unique index cost_ledger_workspace_id_execution_id_llm_key
  on public.cost_ledger (workspace_id, execution_id)
  where category = 'llm' and execution_id is not null;

comment on index public.cost_ledger_workspace_id_execution_id_llm_key is
  'At most one llm charge per agent execution, so redelivered messages are charged once.';
