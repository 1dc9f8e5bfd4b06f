-- Arbiter Lord.
--
-- Conflict cases, resolution proposals, arbitration decisions (appealable for 14 days), appeals
-- and fairness metrics. Lord operators and admins write.
--
-- Every table: row-level security enabled and forced; anon is granted nothing, authenticated
-- exactly the operations its policies allow, service_role select/insert/update/delete.

-- conflict_cases
create table public.conflict_cases (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 300),
  description text,
  conflict_type text not null check (conflict_type in (
    'resource_allocation', 'priority_dispute', 'goal_conflict', 'stakeholder_disagreement',
    'decision_challenge'
  )),
  severity text not null check (severity in ('critical', 'high', 'medium', 'low')),
  status text not null default 'registered' check (status in (
    'registered', 'analyzing', 'proposed', 'decided', 'appealed', 'resolved', 'closed'
  )),
  parties jsonb not null default '[]'::jsonb,
  goals jsonb not null default '[]'::jsonb,
  root_cause text,
  impact_analysis jsonb not null default '{}'::jsonb,
  campaign_id uuid,
  plan_id uuid,
  registered_by uuid references auth.users (id) on delete set null,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  foreign key (workspace_id, plan_id) references public.execution_plans (workspace_id, id) on delete set null (plan_id)
);

comment on table public.conflict_cases is 'Conflicts registered with the Arbiter: type, severity, parties, goals and impact analysis.';

create index conflict_cases_workspace_id_created_at_id_idx on public.conflict_cases (workspace_id, created_at, id);
create index conflict_cases_workspace_id_status_severity_idx on public.conflict_cases (workspace_id, status, severity);
create index conflict_cases_workspace_id_campaign_id_idx on public.conflict_cases (workspace_id, campaign_id);
create index conflict_cases_workspace_id_plan_id_idx on public.conflict_cases (workspace_id, plan_id);
create index conflict_cases_registered_by_idx on public.conflict_cases (registered_by);

create trigger set_updated_at before update on public.conflict_cases
  for each row execute function private.set_updated_at();

alter table public.conflict_cases enable row level security;
alter table public.conflict_cases force row level security;

revoke all on table public.conflict_cases from anon, authenticated, service_role;
grant select, insert, update, delete on table public.conflict_cases to authenticated;
grant select, insert, update, delete on table public.conflict_cases to service_role;

create policy "Conflict cases are viewable by workspace members"
  on public.conflict_cases for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Conflict cases can be created by lord operators"
  on public.conflict_cases for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Conflict cases can be updated by lord operators"
  on public.conflict_cases for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Conflict cases can be deleted by lord operators"
  on public.conflict_cases for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- resolution_proposals
create table public.resolution_proposals (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  case_id uuid not null,
  solution text not null,
  rationale text,
  winner_party text,
  resource_allocation jsonb not null default '{}'::jsonb,
  fairness_score numeric(5,2) check (fairness_score between 0 and 100),
  status text not null default 'proposed' check (status in ('proposed', 'under_review', 'accepted', 'rejected', 'appealed', 'final')),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, case_id) references public.conflict_cases (workspace_id, id) on delete cascade
);

comment on table public.resolution_proposals is 'Proposed resolutions of a conflict with the favoured party, resource split and fairness score.';

create index resolution_proposals_workspace_id_created_at_id_idx on public.resolution_proposals (workspace_id, created_at, id);
create index resolution_proposals_workspace_id_case_id_idx on public.resolution_proposals (workspace_id, case_id);
create index resolution_proposals_created_by_idx on public.resolution_proposals (created_by);

create trigger set_updated_at before update on public.resolution_proposals
  for each row execute function private.set_updated_at();

alter table public.resolution_proposals enable row level security;
alter table public.resolution_proposals force row level security;

revoke all on table public.resolution_proposals from anon, authenticated, service_role;
grant select, insert, update, delete on table public.resolution_proposals to authenticated;
grant select, insert, update, delete on table public.resolution_proposals to service_role;

create policy "Resolution proposals are viewable by workspace members"
  on public.resolution_proposals for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Resolution proposals can be created by lord operators"
  on public.resolution_proposals for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Resolution proposals can be updated by lord operators"
  on public.resolution_proposals for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Resolution proposals can be deleted by lord operators"
  on public.resolution_proposals for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- arbitration_decisions
create table public.arbitration_decisions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  case_id uuid not null,
  proposal_id uuid,
  ruling text not null,
  enforcement_strategy jsonb not null default '{}'::jsonb,
  stakeholder_satisfaction numeric(5,2) check (stakeholder_satisfaction between 0 and 100),
  status text not null default 'issued' check (status in ('issued', 'under_appeal', 'upheld', 'overturned', 'final')),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz not null default now(),
  appeal_deadline_at timestamptz not null default (now() + interval '14 days'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, case_id) references public.conflict_cases (workspace_id, id) on delete cascade,
  foreign key (workspace_id, proposal_id) references public.resolution_proposals (workspace_id, id) on delete set null (proposal_id),
  check (appeal_deadline_at > decided_at)
);

comment on table public.arbitration_decisions is 'Binding rulings on conflicts with an enforcement strategy; appealable for 14 days.';

create index arbitration_decisions_workspace_id_created_at_id_idx on public.arbitration_decisions (workspace_id, created_at, id);
create index arbitration_decisions_workspace_id_case_id_idx on public.arbitration_decisions (workspace_id, case_id);
create index arbitration_decisions_workspace_id_proposal_id_idx on public.arbitration_decisions (workspace_id, proposal_id);
create index arbitration_decisions_decided_by_idx on public.arbitration_decisions (decided_by);

create trigger set_updated_at before update on public.arbitration_decisions
  for each row execute function private.set_updated_at();

alter table public.arbitration_decisions enable row level security;
alter table public.arbitration_decisions force row level security;

revoke all on table public.arbitration_decisions from anon, authenticated, service_role;
grant select, insert, update, delete on table public.arbitration_decisions to authenticated;
grant select, insert, update, delete on table public.arbitration_decisions to service_role;

create policy "Arbitration decisions are viewable by workspace members"
  on public.arbitration_decisions for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Arbitration decisions can be created by lord operators"
  on public.arbitration_decisions for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Arbitration decisions can be updated by lord operators"
  on public.arbitration_decisions for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Arbitration decisions can be deleted by lord operators"
  on public.arbitration_decisions for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- appeals
create table public.appeals (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  decision_id uuid not null,
  case_id uuid not null,
  grounds text not null,
  review_points jsonb not null default '[]'::jsonb,
  status text not null default 'filed' check (status in ('filed', 'under_review', 'upheld', 'overturned', 'dismissed', 'withdrawn')),
  outcome text,
  filed_by uuid references auth.users (id) on delete set null,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, decision_id) references public.arbitration_decisions (workspace_id, id) on delete cascade,
  foreign key (workspace_id, case_id) references public.conflict_cases (workspace_id, id) on delete cascade
);

comment on table public.appeals is 'Appeals against arbitration decisions with grounds, review points and outcome.';

create index appeals_workspace_id_created_at_id_idx on public.appeals (workspace_id, created_at, id);
create index appeals_workspace_id_decision_id_idx on public.appeals (workspace_id, decision_id);
create index appeals_workspace_id_case_id_idx on public.appeals (workspace_id, case_id);
create index appeals_filed_by_idx on public.appeals (filed_by);

create trigger set_updated_at before update on public.appeals
  for each row execute function private.set_updated_at();

alter table public.appeals enable row level security;
alter table public.appeals force row level security;

revoke all on table public.appeals from anon, authenticated, service_role;
grant select, insert, update, delete on table public.appeals to authenticated;
grant select, insert, update, delete on table public.appeals to service_role;

create policy "Appeals are viewable by workspace members"
  on public.appeals for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Appeals can be created by lord operators"
  on public.appeals for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Appeals can be updated by lord operators"
  on public.appeals for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Appeals can be deleted by lord operators"
  on public.appeals for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- fairness_metrics
create table public.fairness_metrics (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  period_start timestamptz not null,
  period_end timestamptz not null,
  cases_count integer not null default 0 check (cases_count >= 0),
  average_fairness_score numeric(5,2) check (average_fairness_score between 0 and 100),
  satisfaction_average numeric(5,2) check (satisfaction_average between 0 and 100),
  appeal_rate numeric(4,3) check (appeal_rate between 0 and 1),
  resolution_rate numeric(4,3) check (resolution_rate between 0 and 1),
  bias_indicators jsonb not null default '[]'::jsonb,
  report jsonb not null default '{}'::jsonb,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end > period_start)
);

comment on table public.fairness_metrics is 'Arbiter fairness reports per period: average fairness, satisfaction, appeal rate, bias indicators.';

create index fairness_metrics_workspace_id_created_at_id_idx on public.fairness_metrics (workspace_id, created_at, id);
create index fairness_metrics_created_by_idx on public.fairness_metrics (created_by);

create trigger set_updated_at before update on public.fairness_metrics
  for each row execute function private.set_updated_at();

alter table public.fairness_metrics enable row level security;
alter table public.fairness_metrics force row level security;

revoke all on table public.fairness_metrics from anon, authenticated, service_role;
grant select, insert, update, delete on table public.fairness_metrics to authenticated;
grant select, insert, update, delete on table public.fairness_metrics to service_role;

create policy "Fairness metrics are viewable by workspace members"
  on public.fairness_metrics for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Fairness metrics can be created by lord operators"
  on public.fairness_metrics for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Fairness metrics can be updated by lord operators"
  on public.fairness_metrics for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Fairness metrics can be deleted by lord operators"
  on public.fairness_metrics for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));
