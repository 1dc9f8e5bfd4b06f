-- What a conflict's severity was assessed from, and the resource it is about.
--
-- The Arbiter scores severity from the stakes, the parties and the deadline; keeping those inputs
-- and the score lets an analysis or an audit reproduce the level. A resource conflict also names
-- the contested resource and each party's claim on it, which the ruling turns into Strategos
-- resource allocations.

alter table public.conflict_cases
  add column stakes numeric(14,2) not null default 0 check (stakes >= 0),
  add column deadline_at timestamptz,
  add column severity_score numeric(5,2) check (severity_score between 0 and 100),
  add column contested_resource jsonb
    check (contested_resource is null or jsonb_typeof(contested_resource) = 'object');

comment on column public.conflict_cases.stakes is 'Money (or money-equivalent) at stake, an input of the severity score.';
comment on column public.conflict_cases.deadline_at is 'When the conflict must be settled by, an input of the severity score.';
comment on column public.conflict_cases.severity_score is 'Severity score 0-100 the severity level was derived from.';
comment on column public.conflict_cases.contested_resource is
  'For resource conflicts: resource type, unit, pool scope and each party''s claim (demand, weight, allocation target).';
