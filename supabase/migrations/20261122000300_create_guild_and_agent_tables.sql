-- Guilds and agents.
--
-- guilds, agent_registry and agent_capabilities are global reference data: readable by every
-- signed-in user, written only by the service role (seed and deploys). The rest is per workspace:
-- the guild roster, resources and metrics, every agent execution and the index of agent memories.
--
-- Every table: row-level security enabled and forced; anon is granted nothing, authenticated
-- exactly the operations its policies allow, service_role select/insert/update/delete.

-- guilds
create table public.guilds (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug in ('council', 'research', 'muse', 'matrix', 'guardian', 'intellect', 'heart')),
  name text not null,
  description text not null default '',
  channel text not null check (channel in (
    'guild_broadcast', 'guild_research', 'guild_muse', 'guild_execution', 'guild_data',
    'guild_intellect', 'guild_heart', 'conflicts_channel', 'intelligence_channel'
  )),
  agent_code_prefix text check (agent_code_prefix in ('LORD', 'RES', 'MUSE', 'MTX', 'GRD')),
  overseeing_lord text check (overseeing_lord in (
    'architect', 'cognition', 'strategos', 'aesthete', 'seer', 'arbiter', 'herald'
  )),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.guilds is 'Reference data: the council and the guilds agents belong to, each with the RaptorBus channel it listens on.';

create trigger set_updated_at before update on public.guilds
  for each row execute function private.set_updated_at();

alter table public.guilds enable row level security;
alter table public.guilds force row level security;

revoke all on table public.guilds from anon, authenticated, service_role;
grant select on table public.guilds to authenticated;
grant select, insert, update, delete on table public.guilds to service_role;

create policy "Guilds are viewable by authenticated users"
  on public.guilds for select to authenticated
  using (true);

-- agent_registry
create table public.agent_registry (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^(LORD|RES|MUSE|MTX|GRD)-[0-9]{3}$'),
  name text not null,
  role text not null check (role in ('lord', 'research', 'muse', 'matrix', 'guardian')),
  guild_id uuid not null references public.guilds (id) on delete restrict,
  lord text check (lord in ('architect', 'cognition', 'strategos', 'aesthete', 'seer', 'arbiter', 'herald')),
  description text not null default '',
  default_model text not null,
  default_provider text not null check (default_provider in ('anthropic', 'google', 'openai', 'mistral', 'local')),
  temperature numeric(3,2) not null default 0.7 check (temperature between 0 and 2),
  max_tokens integer not null default 4000 check (max_tokens > 0),
  system_prompt text not null default '',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((role = 'lord') = (lord is not null))
);

comment on table public.agent_registry is 'Reference data: the 87 agents (7 Lords, 80 guild agents) with their guild, role and default model.';

create index agent_registry_role_idx on public.agent_registry (role);
create index agent_registry_guild_id_idx on public.agent_registry (guild_id);

create trigger set_updated_at before update on public.agent_registry
  for each row execute function private.set_updated_at();

alter table public.agent_registry enable row level security;
alter table public.agent_registry force row level security;

revoke all on table public.agent_registry from anon, authenticated, service_role;
grant select on table public.agent_registry to authenticated;
grant select, insert, update, delete on table public.agent_registry to service_role;

create policy "Agents are viewable by authenticated users"
  on public.agent_registry for select to authenticated
  using (true);

-- agent_capabilities
create table public.agent_capabilities (
  id uuid primary key default gen_random_uuid(),
  agent_id uuid not null references public.agent_registry (id) on delete cascade,
  name text not null check (name ~ '^[a-z][a-z0-9_]*$'),
  description text not null default '',
  input_schema jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agent_id, name)
);

comment on table public.agent_capabilities is 'Reference data: the named capabilities each agent can execute.';

create trigger set_updated_at before update on public.agent_capabilities
  for each row execute function private.set_updated_at();

alter table public.agent_capabilities enable row level security;
alter table public.agent_capabilities force row level security;

revoke all on table public.agent_capabilities from anon, authenticated, service_role;
grant select on table public.agent_capabilities to authenticated;
grant select, insert, update, delete on table public.agent_capabilities to service_role;

create policy "Agent capabilities are viewable by authenticated users"
  on public.agent_capabilities for select to authenticated
  using (true);

-- guild_members
create table public.guild_members (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  guild_id uuid not null references public.guilds (id) on delete cascade,
  agent_id uuid references public.agent_registry (id) on delete cascade,
  user_id uuid references auth.users (id) on delete cascade,
  member_role text not null default 'member' check (member_role in ('lead', 'member', 'operator', 'observer')),
  status text not null default 'active' check (status in ('active', 'paused', 'retired')),
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique nulls not distinct (workspace_id, guild_id, agent_id, user_id),
  check (num_nonnulls(agent_id, user_id) = 1)
);

comment on table public.guild_members is 'A workspace''s guild roster: agents enabled in a guild (with per-workspace settings) and the people operating it.';

create index guild_members_workspace_id_created_at_id_idx on public.guild_members (workspace_id, created_at, id);
create index guild_members_guild_id_idx on public.guild_members (guild_id);
create index guild_members_agent_id_idx on public.guild_members (agent_id);
create index guild_members_user_id_idx on public.guild_members (user_id);

create trigger set_updated_at before update on public.guild_members
  for each row execute function private.set_updated_at();

alter table public.guild_members enable row level security;
alter table public.guild_members force row level security;

revoke all on table public.guild_members from anon, authenticated, service_role;
grant select, insert, update, delete on table public.guild_members to authenticated;
grant select, insert, update, delete on table public.guild_members to service_role;

create policy "Guild members are viewable by workspace members"
  on public.guild_members for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Guild members can be created by lord operators"
  on public.guild_members for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Guild members can be updated by lord operators"
  on public.guild_members for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Guild members can be deleted by lord operators"
  on public.guild_members for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- guild_resources
create table public.guild_resources (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  guild_id uuid not null references public.guilds (id) on delete cascade,
  resource_type text not null check (resource_type in ('budget', 'time', 'compute', 'storage', 'bandwidth', 'agents')),
  quantity numeric(14,4) not null check (quantity >= 0),
  unit text not null,
  used numeric(14,4) not null default 0 check (used >= 0),
  period_start date,
  period_end date,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end is null or period_start is null or period_end >= period_start)
);

comment on table public.guild_resources is 'Resources a workspace grants a guild (budget, time, compute, storage, bandwidth, agents) and their use.';

create index guild_resources_workspace_id_created_at_id_idx on public.guild_resources (workspace_id, created_at, id);
create index guild_resources_workspace_id_guild_id_resource_type_idx on public.guild_resources (workspace_id, guild_id, resource_type);
create index guild_resources_guild_id_idx on public.guild_resources (guild_id);

create trigger set_updated_at before update on public.guild_resources
  for each row execute function private.set_updated_at();

alter table public.guild_resources enable row level security;
alter table public.guild_resources force row level security;

revoke all on table public.guild_resources from anon, authenticated, service_role;
grant select, insert, update, delete on table public.guild_resources to authenticated;
grant select, insert, update, delete on table public.guild_resources to service_role;

create policy "Guild resources are viewable by workspace members"
  on public.guild_resources for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Guild resources can be created by lord operators"
  on public.guild_resources for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Guild resources can be updated by lord operators"
  on public.guild_resources for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Guild resources can be deleted by lord operators"
  on public.guild_resources for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- guild_performance_metrics
create table public.guild_performance_metrics (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  guild_id uuid not null references public.guilds (id) on delete cascade,
  period_start timestamptz not null,
  period_end timestamptz not null,
  executions integer not null default 0 check (executions >= 0),
  successes integer not null default 0 check (successes >= 0),
  failures integer not null default 0 check (failures >= 0),
  avg_latency_ms integer check (avg_latency_ms >= 0),
  cost_usd numeric(12,6) not null default 0 check (cost_usd >= 0),
  quality_score numeric(5,2) check (quality_score between 0 and 100),
  metrics jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, guild_id, period_start),
  check (period_end > period_start),
  check (successes + failures <= executions)
);

comment on table public.guild_performance_metrics is 'Per-period guild performance in a workspace: executions, success, latency, cost and quality.';

create index guild_performance_metrics_workspace_id_created_at_id_idx on public.guild_performance_metrics (workspace_id, created_at, id);
create index guild_performance_metrics_guild_id_idx on public.guild_performance_metrics (guild_id);

create trigger set_updated_at before update on public.guild_performance_metrics
  for each row execute function private.set_updated_at();

alter table public.guild_performance_metrics enable row level security;
alter table public.guild_performance_metrics force row level security;

revoke all on table public.guild_performance_metrics from anon, authenticated, service_role;
grant select, insert, update, delete on table public.guild_performance_metrics to authenticated;
grant select, insert, update, delete on table public.guild_performance_metrics to service_role;

create policy "Guild performance metrics are viewable by workspace members"
  on public.guild_performance_metrics for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Guild performance metrics can be created by lord operators"
  on public.guild_performance_metrics for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Guild performance metrics can be updated by lord operators"
  on public.guild_performance_metrics for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Guild performance metrics can be deleted by lord operators"
  on public.guild_performance_metrics for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- agent_execution_logs
create table public.agent_execution_logs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  agent_id uuid not null references public.agent_registry (id) on delete restrict,
  capability text,
  status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'dead_lettered')),
  input jsonb not null default '{}'::jsonb,
  output jsonb,
  model text,
  provider text check (provider in ('anthropic', 'google', 'openai', 'mistral', 'local')),
  tokens_in integer not null default 0 check (tokens_in >= 0),
  tokens_out integer not null default 0 check (tokens_out >= 0),
  cost_usd numeric(12,6) not null default 0 check (cost_usd >= 0),
  latency_ms integer check (latency_ms >= 0),
  attempts integer not null default 0 check (attempts >= 0),
  confidence numeric(4,3) check (confidence between 0 and 1),
  error text,
  request_id text,
  graph_id uuid,
  parent_execution_id uuid,
  node_key text,
  message_id text,
  triggered_by uuid references auth.users (id) on delete set null,
  queued_at timestamptz not null default now(),
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, parent_execution_id) references public.agent_execution_logs (workspace_id, id) on delete set null (parent_execution_id),
  check (completed_at is null or started_at is null or completed_at >= started_at)
);

comment on table public.agent_execution_logs is 'One row per agent run: status, input/output, tokens, cost, latency, model and attempts; parent and graph ids link DAG runs.';
comment on column public.agent_execution_logs.graph_id is 'Groups the executions of one DAG run (invoke_with_dependencies).';
comment on column public.agent_execution_logs.message_id is 'QStash message id of the delivery that ran this execution.';

create index agent_execution_logs_workspace_id_created_at_id_idx on public.agent_execution_logs (workspace_id, created_at, id);
create index agent_execution_logs_workspace_id_status_created_at_idx on public.agent_execution_logs (workspace_id, status, created_at);
create index agent_execution_logs_workspace_id_agent_id_created_at_idx on public.agent_execution_logs (workspace_id, agent_id, created_at);
create index agent_execution_logs_workspace_id_graph_id_idx on public.agent_execution_logs (workspace_id, graph_id) where graph_id is not null;
create index agent_execution_logs_request_id_idx on public.agent_execution_logs (request_id) where request_id is not null;
create index agent_execution_logs_message_id_idx on public.agent_execution_logs (message_id) where message_id is not null;
create index agent_execution_logs_workspace_id_parent_execution_id_idx on public.agent_execution_logs (workspace_id, parent_execution_id);
create index agent_execution_logs_agent_id_idx on public.agent_execution_logs (agent_id);
create index agent_execution_logs_triggered_by_idx on public.agent_execution_logs (triggered_by);

create trigger set_updated_at before update on public.agent_execution_logs
  for each row execute function private.set_updated_at();

alter table public.agent_execution_logs enable row level security;
alter table public.agent_execution_logs force row level security;

revoke all on table public.agent_execution_logs from anon, authenticated, service_role;
grant select, insert, update, delete on table public.agent_execution_logs to authenticated;
grant select, insert, update, delete on table public.agent_execution_logs to service_role;

create policy "Agent executions are viewable by workspace members"
  on public.agent_execution_logs for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Agent executions can be created by lord operators"
  on public.agent_execution_logs for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Agent executions can be updated by lord operators"
  on public.agent_execution_logs for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Agent executions can be deleted by lord operators"
  on public.agent_execution_logs for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- agent_memories
create table public.agent_memories (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  agent_id uuid references public.agent_registry (id) on delete set null,
  namespace text not null check (namespace in (
    'codex_knowledge', 'campaign_briefs', 'competitor_intel', 'industry_research',
    'user_preferences'
  )),
  vector_id text not null,
  memory_type text not null default 'knowledge' check (memory_type in ('knowledge', 'fact', 'insight', 'example', 'guideline', 'feedback')),
  title text,
  content text not null,
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  source text,
  embedding_model text,
  metadata jsonb not null default '{}'::jsonb,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, namespace, vector_id)
);

comment on table public.agent_memories is 'Index of the knowledge stored in Upstash Vector: one row per vector (namespace + id) with its text and metadata.';

create index agent_memories_workspace_id_created_at_id_idx on public.agent_memories (workspace_id, created_at, id);
create index agent_memories_workspace_id_agent_id_idx on public.agent_memories (workspace_id, agent_id);
create index agent_memories_workspace_id_content_hash_idx on public.agent_memories (workspace_id, content_hash);
create index agent_memories_agent_id_idx on public.agent_memories (agent_id);
create index agent_memories_created_by_idx on public.agent_memories (created_by);

create trigger set_updated_at before update on public.agent_memories
  for each row execute function private.set_updated_at();

alter table public.agent_memories enable row level security;
alter table public.agent_memories force row level security;

revoke all on table public.agent_memories from anon, authenticated, service_role;
grant select, insert, update, delete on table public.agent_memories to authenticated;
grant select, insert, update, delete on table public.agent_memories to service_role;

create policy "Agent memories are viewable by workspace members"
  on public.agent_memories for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Agent memories can be created by analysts"
  on public.agent_memories for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Agent memories can be updated by analysts"
  on public.agent_memories for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Agent memories can be deleted by analysts"
  on public.agent_memories for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));
