-- Architect Lord.
--
-- Strategic initiatives (9-state lifecycle) and their phases, architecture analyses and
-- optimisations, guild guidance and strategy reviews. Lord operators and admins write.
--
-- Every table: row-level security enabled and forced; anon is granted nothing, authenticated
-- exactly the operations its policies allow, service_role select/insert/update/delete.

-- initiatives
create table public.initiatives (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  description text,
  status text not null default 'proposed' check (status in (
    'proposed', 'under_review', 'approved', 'rejected', 'planning', 'in_progress', 'on_hold',
    'cancelled', 'completed'
  )),
  priority text not null default 'medium' check (priority in ('critical', 'high', 'medium', 'low', 'deferred')),
  objectives jsonb not null default '[]'::jsonb,
  resource_needs jsonb not null default '{}'::jsonb,
  timeline jsonb not null default '{}'::jsonb,
  estimated_budget numeric(14,2) check (estimated_budget >= 0),
  start_date date,
  target_date date,
  campaign_id uuid,
  proposed_by uuid references auth.users (id) on delete set null,
  approved_by uuid references auth.users (id) on delete set null,
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  check (target_date is null or start_date is null or target_date >= start_date)
);

comment on table public.initiatives is 'Architect strategic initiatives: objectives, phases, timeline and resource needs, through a 9-state lifecycle.';

create index initiatives_workspace_id_created_at_id_idx on public.initiatives (workspace_id, created_at, id);
create index initiatives_workspace_id_status_created_at_idx on public.initiatives (workspace_id, status, created_at);
create index initiatives_workspace_id_campaign_id_idx on public.initiatives (workspace_id, campaign_id);
create index initiatives_proposed_by_idx on public.initiatives (proposed_by);
create index initiatives_approved_by_idx on public.initiatives (approved_by);

create trigger set_updated_at before update on public.initiatives
  for each row execute function private.set_updated_at();

alter table public.initiatives enable row level security;
alter table public.initiatives force row level security;

revoke all on table public.initiatives from anon, authenticated, service_role;
grant select, insert, update, delete on table public.initiatives to authenticated;
grant select, insert, update, delete on table public.initiatives to service_role;

create policy "Initiatives are viewable by workspace members"
  on public.initiatives for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Initiatives can be created by lord operators"
  on public.initiatives for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Initiatives can be updated by lord operators"
  on public.initiatives for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Initiatives can be deleted by lord operators"
  on public.initiatives for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- initiative_phases
create table public.initiative_phases (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  initiative_id uuid not null,
  position integer not null check (position > 0),
  name text not null check (char_length(name) between 1 and 200),
  description text,
  status text not null default 'pending' check (status in ('pending', 'in_progress', 'completed', 'blocked', 'skipped')),
  start_date date,
  end_date date,
  deliverables jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, initiative_id, position),
  foreign key (workspace_id, initiative_id) references public.initiatives (workspace_id, id) on delete cascade,
  check (end_date is null or start_date is null or end_date >= start_date)
);

comment on table public.initiative_phases is 'Ordered phases of an initiative with dates and deliverables.';

create index initiative_phases_workspace_id_created_at_id_idx on public.initiative_phases (workspace_id, created_at, id);

create trigger set_updated_at before update on public.initiative_phases
  for each row execute function private.set_updated_at();

alter table public.initiative_phases enable row level security;
alter table public.initiative_phases force row level security;

revoke all on table public.initiative_phases from anon, authenticated, service_role;
grant select, insert, update, delete on table public.initiative_phases to authenticated;
grant select, insert, update, delete on table public.initiative_phases to service_role;

create policy "Initiative phases are viewable by workspace members"
  on public.initiative_phases for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Initiative phases can be created by lord operators"
  on public.initiative_phases for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Initiative phases can be updated by lord operators"
  on public.initiative_phases for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Initiative phases can be deleted by lord operators"
  on public.initiative_phases for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- architecture_analyses
create table public.architecture_analyses (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  component_type text not null check (component_type in (
    'api_layer', 'agent_framework', 'message_bus', 'database', 'cache', 'vector_store',
    'external_integration'
  )),
  component_name text not null,
  analysis_kind text not null default 'analysis' check (analysis_kind in ('analysis', 'optimization')),
  latency_p95_ms numeric(12,2) check (latency_p95_ms >= 0),
  throughput_rps numeric(12,2) check (throughput_rps >= 0),
  error_rate numeric(6,5) check (error_rate between 0 and 1),
  health_score numeric(5,2) check (health_score between 0 and 100),
  metrics jsonb not null default '{}'::jsonb,
  findings jsonb not null default '[]'::jsonb,
  optimization_strategies jsonb not null default '[]'::jsonb,
  expected_improvement_percent numeric(5,2) check (expected_improvement_percent between 0 and 100),
  initiative_id uuid,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, initiative_id) references public.initiatives (workspace_id, id) on delete set null (initiative_id)
);

comment on table public.architecture_analyses is 'Architect analyses and optimisation plans of a system component: latency, throughput, error rate, strategies.';

create index architecture_analyses_workspace_id_created_at_id_idx on public.architecture_analyses (workspace_id, created_at, id);
create index architecture_analyses_workspace_id_component_type_idx on public.architecture_analyses (workspace_id, component_type);
create index architecture_analyses_workspace_id_initiative_id_idx on public.architecture_analyses (workspace_id, initiative_id);
create index architecture_analyses_created_by_idx on public.architecture_analyses (created_by);

create trigger set_updated_at before update on public.architecture_analyses
  for each row execute function private.set_updated_at();

alter table public.architecture_analyses enable row level security;
alter table public.architecture_analyses force row level security;

revoke all on table public.architecture_analyses from anon, authenticated, service_role;
grant select, insert, update, delete on table public.architecture_analyses to authenticated;
grant select, insert, update, delete on table public.architecture_analyses to service_role;

create policy "Architecture analyses are viewable by workspace members"
  on public.architecture_analyses for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Architecture analyses can be created by lord operators"
  on public.architecture_analyses for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Architecture analyses can be updated by lord operators"
  on public.architecture_analyses for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Architecture analyses can be deleted by lord operators"
  on public.architecture_analyses for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- strategic_guidance
create table public.strategic_guidance (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  guild_id uuid not null references public.guilds (id) on delete cascade,
  guidance_type text not null default 'guidance' check (guidance_type in ('guidance', 'strategy_review')),
  title text not null check (char_length(title) between 1 and 300),
  guidance text not null,
  recommendations jsonb not null default '[]'::jsonb,
  alignment_score numeric(5,2) check (alignment_score between 0 and 100),
  status text not null default 'active' check (status in ('active', 'superseded', 'archived')),
  initiative_id uuid,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, initiative_id) references public.initiatives (workspace_id, id) on delete set null (initiative_id)
);

comment on table public.strategic_guidance is 'Guild-specific strategic guidance and guild strategy reviews from the Architect.';

create index strategic_guidance_workspace_id_created_at_id_idx on public.strategic_guidance (workspace_id, created_at, id);
create index strategic_guidance_workspace_id_guild_id_created_at_idx on public.strategic_guidance (workspace_id, guild_id, created_at);
create index strategic_guidance_workspace_id_initiative_id_idx on public.strategic_guidance (workspace_id, initiative_id);
create index strategic_guidance_guild_id_idx on public.strategic_guidance (guild_id);
create index strategic_guidance_created_by_idx on public.strategic_guidance (created_by);

create trigger set_updated_at before update on public.strategic_guidance
  for each row execute function private.set_updated_at();

alter table public.strategic_guidance enable row level security;
alter table public.strategic_guidance force row level security;

revoke all on table public.strategic_guidance from anon, authenticated, service_role;
grant select, insert, update, delete on table public.strategic_guidance to authenticated;
grant select, insert, update, delete on table public.strategic_guidance to service_role;

create policy "Strategic guidance is viewable by workspace members"
  on public.strategic_guidance for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Strategic guidance can be created by lord operators"
  on public.strategic_guidance for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Strategic guidance can be updated by lord operators"
  on public.strategic_guidance for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Strategic guidance can be deleted by lord operators"
  on public.strategic_guidance for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));
