-- The knowledge an agent execution was prompted with.
--
-- The agent runtime retrieves the workspace's most relevant memories for every execution and
-- injects them into the prompt under citations ([K1], [K2], …). Storing those citations with the
-- execution lets a reader trace each claim of the output to the memory it came from.

alter table public.agent_execution_logs
  add column citations jsonb not null default '[]'::jsonb
    check (jsonb_typeof(citations) = 'array');

comment on column public.agent_execution_logs.citations is
  'Memories injected into the prompt: citation (K1…), memory_id, document_id, title, collection, category, source, score.';
