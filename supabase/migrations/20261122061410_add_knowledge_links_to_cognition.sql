-- Knowledge links of the Cognition Lord's learnings and syntheses.
--
-- Every learning and published synthesis is also written to the knowledge base (agent_memories
-- and Upstash Vector) so agents retrieve it. The chunks a row produced are kept on the row: a
-- superseded synthesis's chunks are removed from the knowledge base unless a current row still
-- holds them (identical text is stored once per workspace and so can be shared).

alter table public.learnings
  add column knowledge_memory_ids jsonb not null default '[]'::jsonb
    check (jsonb_typeof(knowledge_memory_ids) = 'array');

alter table public.syntheses
  add column knowledge_memory_ids jsonb not null default '[]'::jsonb
    check (jsonb_typeof(knowledge_memory_ids) = 'array');

comment on column public.learnings.knowledge_memory_ids is
  'agent_memories ids of the knowledge chunks this learning was stored as (empty until stored).';
comment on column public.syntheses.knowledge_memory_ids is
  'agent_memories ids of the knowledge chunks this synthesis was stored as; removed when it is superseded.';
