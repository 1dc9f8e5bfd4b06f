-- Strategos Lord.
--
-- Execution plans, their tasks and task dependencies, resource allocations and progress history.
-- Lord operators and admins write.
--
-- Every table: row-level security enabled and forced; anon is granted nothing, authenticated
-- exactly the operations its policies allow, service_role select/insert/update/delete.

-- execution_plans
create table public.execution_plans (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  description text,
  objectives jsonb not null default '[]'::jsonb,
  status text not null default 'planned' check (status in (
    'planned', 'scheduled', 'ready', 'in_progress', 'blocked', 'paused', 'completed', 'failed',
    'cancelled'
  )),
  priority text not null default 'medium' check (priority in ('critical', 'high', 'medium', 'low', 'deferred')),
  progress_percent numeric(5,2) not null default 0 check (progress_percent between 0 and 100),
  start_at timestamptz,
  deadline_at timestamptz,
  timeline jsonb not null default '{}'::jsonb,
  critical_path jsonb not null default '[]'::jsonb,
  initiative_id uuid,
  campaign_id uuid,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, initiative_id) references public.initiatives (workspace_id, id) on delete set null (initiative_id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  check (deadline_at is null or start_at is null or deadline_at >= start_at)
);

comment on table public.execution_plans is 'Strategos execution plans: objectives, timeline, critical path and progress through 9 execution states.';

create index execution_plans_workspace_id_created_at_id_idx on public.execution_plans (workspace_id, created_at, id);
create index execution_plans_workspace_id_status_created_at_idx on public.execution_plans (workspace_id, status, created_at);
create index execution_plans_workspace_id_initiative_id_idx on public.execution_plans (workspace_id, initiative_id);
create index execution_plans_workspace_id_campaign_id_idx on public.execution_plans (workspace_id, campaign_id);
create index execution_plans_created_by_idx on public.execution_plans (created_by);

create trigger set_updated_at before update on public.execution_plans
  for each row execute function private.set_updated_at();

alter table public.execution_plans enable row level security;
alter table public.execution_plans force row level security;

revoke all on table public.execution_plans from anon, authenticated, service_role;
grant select, insert, update, delete on table public.execution_plans to authenticated;
grant select, insert, update, delete on table public.execution_plans to service_role;

create policy "Execution plans are viewable by workspace members"
  on public.execution_plans for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Execution plans can be created by lord operators"
  on public.execution_plans for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Execution plans can be updated by lord operators"
  on public.execution_plans for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Execution plans can be deleted by lord operators"
  on public.execution_plans for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- execution_tasks
create table public.execution_tasks (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  plan_id uuid not null,
  name text not null check (char_length(name) between 1 and 200),
  description text,
  status text not null default 'planned' check (status in (
    'planned', 'scheduled', 'ready', 'in_progress', 'blocked', 'paused', 'completed', 'failed',
    'cancelled'
  )),
  priority text not null default 'medium' check (priority in ('critical', 'high', 'medium', 'low', 'deferred')),
  guild_id uuid references public.guilds (id) on delete set null,
  agent_id uuid references public.agent_registry (id) on delete set null,
  assignee_id uuid references auth.users (id) on delete set null,
  estimated_hours numeric(8,2) check (estimated_hours >= 0),
  actual_hours numeric(8,2) check (actual_hours >= 0),
  progress_percent numeric(5,2) not null default 0 check (progress_percent between 0 and 100),
  deadline_at timestamptz,
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, plan_id) references public.execution_plans (workspace_id, id) on delete cascade,
  check (completed_at is null or started_at is null or completed_at >= started_at)
);

comment on table public.execution_tasks is 'Tasks of an execution plan assigned to a guild, agent or person, with estimates, deadline and progress.';

create index execution_tasks_workspace_id_created_at_id_idx on public.execution_tasks (workspace_id, created_at, id);
create index execution_tasks_workspace_id_plan_id_status_idx on public.execution_tasks (workspace_id, plan_id, status);
create index execution_tasks_workspace_id_status_priority_idx on public.execution_tasks (workspace_id, status, priority);
create index execution_tasks_guild_id_idx on public.execution_tasks (guild_id);
create index execution_tasks_agent_id_idx on public.execution_tasks (agent_id);
create index execution_tasks_assignee_id_idx on public.execution_tasks (assignee_id);

create trigger set_updated_at before update on public.execution_tasks
  for each row execute function private.set_updated_at();

alter table public.execution_tasks enable row level security;
alter table public.execution_tasks force row level security;

revoke all on table public.execution_tasks from anon, authenticated, service_role;
grant select, insert, update, delete on table public.execution_tasks to authenticated;
grant select, insert, update, delete on table public.execution_tasks to service_role;

create policy "Execution tasks are viewable by workspace members"
  on public.execution_tasks for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Execution tasks can be created by lord operators"
  on public.execution_tasks for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Execution tasks can be updated by lord operators"
  on public.execution_tasks for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Execution tasks can be deleted by lord operators"
  on public.execution_tasks for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- task_dependencies
create table public.task_dependencies (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  task_id uuid not null,
  depends_on_task_id uuid not null,
  dependency_type text not null default 'finish_to_start' check (dependency_type in (
    'finish_to_start', 'start_to_start', 'finish_to_finish', 'start_to_finish'
  )),
  lag_hours numeric(8,2) not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, task_id, depends_on_task_id),
  foreign key (workspace_id, task_id) references public.execution_tasks (workspace_id, id) on delete cascade,
  foreign key (workspace_id, depends_on_task_id) references public.execution_tasks (workspace_id, id) on delete cascade,
  check (task_id <> depends_on_task_id)
);

comment on table public.task_dependencies is 'Dependency edges between execution tasks (the DAG critical-path analysis runs on).';

create index task_dependencies_workspace_id_created_at_id_idx on public.task_dependencies (workspace_id, created_at, id);
create index task_dependencies_workspace_id_depends_on_task_id_idx on public.task_dependencies (workspace_id, depends_on_task_id);

create trigger set_updated_at before update on public.task_dependencies
  for each row execute function private.set_updated_at();

alter table public.task_dependencies enable row level security;
alter table public.task_dependencies force row level security;

revoke all on table public.task_dependencies from anon, authenticated, service_role;
grant select, insert, update, delete on table public.task_dependencies to authenticated;
grant select, insert, update, delete on table public.task_dependencies to service_role;

create policy "Task dependencies are viewable by workspace members"
  on public.task_dependencies for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Task dependencies can be created by lord operators"
  on public.task_dependencies for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Task dependencies can be updated by lord operators"
  on public.task_dependencies for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Task dependencies can be deleted by lord operators"
  on public.task_dependencies for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- resource_allocations
create table public.resource_allocations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  plan_id uuid,
  task_id uuid,
  guild_id uuid references public.guilds (id) on delete set null,
  resource_type text not null check (resource_type in ('budget', 'time', 'compute', 'storage', 'bandwidth', 'agents')),
  quantity numeric(14,4) not null check (quantity > 0),
  unit text not null,
  utilized numeric(14,4) not null default 0 check (utilized >= 0),
  status text not null default 'allocated' check (status in ('requested', 'allocated', 'active', 'released', 'rejected')),
  allocated_at timestamptz,
  released_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, plan_id) references public.execution_plans (workspace_id, id) on delete cascade,
  foreign key (workspace_id, task_id) references public.execution_tasks (workspace_id, id) on delete cascade
);

comment on table public.resource_allocations is 'Resources (budget, time, compute, storage, bandwidth, agents) allocated to plans, tasks or guilds.';

create index resource_allocations_workspace_id_created_at_id_idx on public.resource_allocations (workspace_id, created_at, id);
create index resource_allocations_workspace_id_resource_type_status_idx on public.resource_allocations (workspace_id, resource_type, status);
create index resource_allocations_workspace_id_plan_id_idx on public.resource_allocations (workspace_id, plan_id);
create index resource_allocations_workspace_id_task_id_idx on public.resource_allocations (workspace_id, task_id);
create index resource_allocations_guild_id_idx on public.resource_allocations (guild_id);
create index resource_allocations_created_by_idx on public.resource_allocations (created_by);

create trigger set_updated_at before update on public.resource_allocations
  for each row execute function private.set_updated_at();

alter table public.resource_allocations enable row level security;
alter table public.resource_allocations force row level security;

revoke all on table public.resource_allocations from anon, authenticated, service_role;
grant select, insert, update, delete on table public.resource_allocations to authenticated;
grant select, insert, update, delete on table public.resource_allocations to service_role;

create policy "Resource allocations are viewable by workspace members"
  on public.resource_allocations for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Resource allocations can be created by lord operators"
  on public.resource_allocations for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Resource allocations can be updated by lord operators"
  on public.resource_allocations for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Resource allocations can be deleted by lord operators"
  on public.resource_allocations for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- progress_updates
create table public.progress_updates (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  plan_id uuid not null,
  task_id uuid,
  progress_percent numeric(5,2) not null check (progress_percent between 0 and 100),
  status text check (status in (
    'planned', 'scheduled', 'ready', 'in_progress', 'blocked', 'paused', 'completed', 'failed',
    'cancelled'
  )),
  note text,
  recorded_by uuid references auth.users (id) on delete set null,
  agent_id uuid references public.agent_registry (id) on delete set null,
  recorded_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, plan_id) references public.execution_plans (workspace_id, id) on delete cascade,
  foreign key (workspace_id, task_id) references public.execution_tasks (workspace_id, id) on delete cascade
);

comment on table public.progress_updates is 'Progress tracking history of plans and tasks (0-100%), by person or agent.';

create index progress_updates_workspace_id_created_at_id_idx on public.progress_updates (workspace_id, created_at, id);
create index progress_updates_workspace_id_plan_id_recorded_at_idx on public.progress_updates (workspace_id, plan_id, recorded_at);
create index progress_updates_workspace_id_task_id_idx on public.progress_updates (workspace_id, task_id);
create index progress_updates_recorded_by_idx on public.progress_updates (recorded_by);
create index progress_updates_agent_id_idx on public.progress_updates (agent_id);

create trigger set_updated_at before update on public.progress_updates
  for each row execute function private.set_updated_at();

alter table public.progress_updates enable row level security;
alter table public.progress_updates force row level security;

revoke all on table public.progress_updates from anon, authenticated, service_role;
grant select, insert, update, delete on table public.progress_updates to authenticated;
grant select, insert, update, delete on table public.progress_updates to service_role;

create policy "Progress updates are viewable by workspace members"
  on public.progress_updates for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Progress updates can be created by lord operators"
  on public.progress_updates for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Progress updates can be updated by lord operators"
  on public.progress_updates for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Progress updates can be deleted by lord operators"
  on public.progress_updates for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));
