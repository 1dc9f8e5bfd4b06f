-- The capabilities an execution task needs.
--
-- Strategos assigns a task to the guild agent whose capabilities best cover these (and who has
-- room for it), so the plan records them with the task rather than each assignment restating
-- them. A JSON array of capability names: shared/db reads without array type parsing.

alter table public.execution_tasks
  add column required_capabilities jsonb not null default '[]'::jsonb
    check (jsonb_typeof(required_capabilities) = 'array');

comment on column public.execution_tasks.required_capabilities is
  'Capability names (agent_capabilities.name) an assignee needs, as a JSON array of strings.';
