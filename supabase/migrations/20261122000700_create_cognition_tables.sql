-- Cognition Lord.
--
-- The learning journal (analysts write), syntheses built from learnings, Council decisions and
-- mentoring of agents (lord operators write).
--
-- Every table: row-level security enabled and forced; anon is granted nothing, authenticated
-- exactly the operations its policies allow, service_role select/insert/update/delete.

-- learnings
create table public.learnings (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  learning_type text not null check (learning_type in ('success', 'failure', 'pattern', 'observation')),
  source text not null,
  insight text not null,
  context jsonb not null default '{}'::jsonb,
  confidence numeric(4,3) not null default 0.5 check (confidence between 0 and 1),
  tags jsonb not null default '[]'::jsonb,
  agent_id uuid references public.agent_registry (id) on delete set null,
  campaign_id uuid,
  execution_id uuid,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  foreign key (workspace_id, execution_id) references public.agent_execution_logs (workspace_id, id) on delete set null (execution_id)
);

comment on table public.learnings is 'Cognition learning journal: success, failure, pattern and observation learnings with confidence.';

create index learnings_workspace_id_created_at_id_idx on public.learnings (workspace_id, created_at, id);
create index learnings_workspace_id_learning_type_created_at_idx on public.learnings (workspace_id, learning_type, created_at);
create index learnings_workspace_id_campaign_id_idx on public.learnings (workspace_id, campaign_id);
create index learnings_workspace_id_execution_id_idx on public.learnings (workspace_id, execution_id);
create index learnings_agent_id_idx on public.learnings (agent_id);
create index learnings_created_by_idx on public.learnings (created_by);

create trigger set_updated_at before update on public.learnings
  for each row execute function private.set_updated_at();

alter table public.learnings enable row level security;
alter table public.learnings force row level security;

revoke all on table public.learnings from anon, authenticated, service_role;
grant select, insert, update, delete on table public.learnings to authenticated;
grant select, insert, update, delete on table public.learnings to service_role;

create policy "Learnings are viewable by workspace members"
  on public.learnings for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Learnings can be created by analysts"
  on public.learnings for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Learnings can be updated by analysts"
  on public.learnings for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Learnings can be deleted by analysts"
  on public.learnings for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- syntheses
create table public.syntheses (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  synthesis_type text not null check (synthesis_type in ('trend', 'pattern', 'prediction', 'recommendation')),
  title text not null check (char_length(title) between 1 and 300),
  summary text not null,
  insights jsonb not null default '[]'::jsonb,
  confidence numeric(4,3) check (confidence between 0 and 1),
  status text not null default 'draft' check (status in ('draft', 'published', 'superseded')),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id)
);

comment on table public.syntheses is 'Knowledge synthesised from learnings: trends, patterns, predictions and recommendations.';

create index syntheses_workspace_id_created_at_id_idx on public.syntheses (workspace_id, created_at, id);
create index syntheses_workspace_id_synthesis_type_idx on public.syntheses (workspace_id, synthesis_type);
create index syntheses_created_by_idx on public.syntheses (created_by);

create trigger set_updated_at before update on public.syntheses
  for each row execute function private.set_updated_at();

alter table public.syntheses enable row level security;
alter table public.syntheses force row level security;

revoke all on table public.syntheses from anon, authenticated, service_role;
grant select, insert, update, delete on table public.syntheses to authenticated;
grant select, insert, update, delete on table public.syntheses to service_role;

create policy "Syntheses are viewable by workspace members"
  on public.syntheses for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Syntheses can be created by lord operators"
  on public.syntheses for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Syntheses can be updated by lord operators"
  on public.syntheses for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Syntheses can be deleted by lord operators"
  on public.syntheses for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- synthesis_learnings
create table public.synthesis_learnings (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  synthesis_id uuid not null,
  learning_id uuid not null,
  weight numeric(4,3) not null default 1 check (weight between 0 and 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, synthesis_id, learning_id),
  foreign key (workspace_id, synthesis_id) references public.syntheses (workspace_id, id) on delete cascade,
  foreign key (workspace_id, learning_id) references public.learnings (workspace_id, id) on delete cascade
);

comment on table public.synthesis_learnings is 'Which learnings a synthesis was built from, and how much each weighed.';

create index synthesis_learnings_workspace_id_created_at_id_idx on public.synthesis_learnings (workspace_id, created_at, id);
create index synthesis_learnings_workspace_id_learning_id_idx on public.synthesis_learnings (workspace_id, learning_id);

create trigger set_updated_at before update on public.synthesis_learnings
  for each row execute function private.set_updated_at();

alter table public.synthesis_learnings enable row level security;
alter table public.synthesis_learnings force row level security;

revoke all on table public.synthesis_learnings from anon, authenticated, service_role;
grant select, insert, update, delete on table public.synthesis_learnings to authenticated;
grant select, insert, update, delete on table public.synthesis_learnings to service_role;

create policy "Synthesis sources are viewable by workspace members"
  on public.synthesis_learnings for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Synthesis sources can be created by lord operators"
  on public.synthesis_learnings for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Synthesis sources can be updated by lord operators"
  on public.synthesis_learnings for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Synthesis sources can be deleted by lord operators"
  on public.synthesis_learnings for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- decisions
create table public.decisions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  lord text not null default 'cognition' check (lord in ('architect', 'cognition', 'strategos', 'aesthete', 'seer', 'arbiter', 'herald')),
  decision_type text not null check (decision_type in (
    'routing', 'priority_override', 'approval', 'strategic', 'resource', 'content', 'conflict'
  )),
  title text not null check (char_length(title) between 1 and 300),
  context jsonb not null default '{}'::jsonb,
  recommendation text,
  rationale text,
  confidence numeric(4,3) check (confidence between 0 and 1),
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected', 'implemented', 'challenged', 'superseded')),
  synthesis_id uuid,
  initiative_id uuid,
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  outcome jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, synthesis_id) references public.syntheses (workspace_id, id) on delete set null (synthesis_id),
  foreign key (workspace_id, initiative_id) references public.initiatives (workspace_id, id) on delete set null (initiative_id)
);

comment on table public.decisions is 'Council decisions (routing, priority overrides, approvals, strategy) by Lord, with confidence and status.';

create index decisions_workspace_id_created_at_id_idx on public.decisions (workspace_id, created_at, id);
create index decisions_workspace_id_lord_created_at_idx on public.decisions (workspace_id, lord, created_at);
create index decisions_workspace_id_status_idx on public.decisions (workspace_id, status);
create index decisions_workspace_id_synthesis_id_idx on public.decisions (workspace_id, synthesis_id);
create index decisions_workspace_id_initiative_id_idx on public.decisions (workspace_id, initiative_id);
create index decisions_decided_by_idx on public.decisions (decided_by);

create trigger set_updated_at before update on public.decisions
  for each row execute function private.set_updated_at();

alter table public.decisions enable row level security;
alter table public.decisions force row level security;

revoke all on table public.decisions from anon, authenticated, service_role;
grant select, insert, update, delete on table public.decisions to authenticated;
grant select, insert, update, delete on table public.decisions to service_role;

create policy "Decisions are viewable by workspace members"
  on public.decisions for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Decisions can be created by lord operators"
  on public.decisions for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Decisions can be updated by lord operators"
  on public.decisions for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Decisions can be deleted by lord operators"
  on public.decisions for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- mentoring_sessions
create table public.mentoring_sessions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  agent_id uuid not null references public.agent_registry (id) on delete cascade,
  mentor_lord text not null default 'cognition' check (mentor_lord in (
    'architect', 'cognition', 'strategos', 'aesthete', 'seer', 'arbiter', 'herald'
  )),
  topic text not null,
  guidance text not null,
  recommendations jsonb not null default '[]'::jsonb,
  status text not null default 'provided' check (status in ('provided', 'acknowledged', 'applied', 'dismissed')),
  effectiveness_score numeric(4,3) check (effectiveness_score between 0 and 1),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.mentoring_sessions is 'Guidance a Lord gives an agent, and how effective it proved.';

create index mentoring_sessions_workspace_id_created_at_id_idx on public.mentoring_sessions (workspace_id, created_at, id);
create index mentoring_sessions_workspace_id_agent_id_created_at_idx on public.mentoring_sessions (workspace_id, agent_id, created_at);
create index mentoring_sessions_agent_id_idx on public.mentoring_sessions (agent_id);
create index mentoring_sessions_created_by_idx on public.mentoring_sessions (created_by);

create trigger set_updated_at before update on public.mentoring_sessions
  for each row execute function private.set_updated_at();

alter table public.mentoring_sessions enable row level security;
alter table public.mentoring_sessions force row level security;

revoke all on table public.mentoring_sessions from anon, authenticated, service_role;
grant select, insert, update, delete on table public.mentoring_sessions to authenticated;
grant select, insert, update, delete on table public.mentoring_sessions to service_role;

create policy "Mentoring sessions are viewable by workspace members"
  on public.mentoring_sessions for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Mentoring sessions can be created by lord operators"
  on public.mentoring_sessions for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Mentoring sessions can be updated by lord operators"
  on public.mentoring_sessions for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Mentoring sessions can be deleted by lord operators"
  on public.mentoring_sessions for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));
