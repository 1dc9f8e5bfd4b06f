-- Agent responses served from the response cache.
--
-- An identical invocation (same agent, normalized input, model tier and knowledge version) is
-- answered from the cache without a model call. Its execution is marked `cached`, and its one
-- ledger entry, of zero cost, `cache_hit`, so spend reports can count the calls the cache saved.

alter table public.agent_execution_logs
  add column cached boolean not null default false;

comment on column public.agent_execution_logs.cached is
  'True when the output came from the agent response cache instead of a model call.';

alter table public.cost_ledger
  add column cache_hit boolean not null default false;

comment on column public.cost_ledger.cache_hit is
  'True for the zero-cost entry of an agent execution answered from the response cache.';
