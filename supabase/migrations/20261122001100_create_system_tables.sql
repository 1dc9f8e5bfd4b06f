-- System.
--
-- The RaptorBus event log, the audit trail, alerts, budgets and the cost ledger, external API
-- calls, webhook deliveries (idempotency), onboarding runs and steps, and dead letters.
-- Service-written tables (ledger, API calls, deliveries) grant users read access only; audit
-- logs are insert-only for users.
--
-- Every table: row-level security enabled and forced; anon is granted nothing, authenticated
-- exactly the operations its policies allow, service_role select/insert/update/delete.

-- events
create table public.events (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  sequence bigint generated always as identity,
  channel text not null check (channel in (
    'guild_broadcast', 'guild_research', 'guild_muse', 'guild_execution', 'guild_data',
    'guild_intellect', 'guild_heart', 'conflicts_channel', 'intelligence_channel'
  )),
  event_type text not null check (event_type in (
    'initiative.created', 'initiative.proposed', 'initiative.approved',
    'initiative.status_changed', 'architecture.analyzed', 'architecture.optimized',
    'strategy.reviewed', 'strategy.updated', 'guidance.provided', 'request.routed',
    'learning.recorded', 'learning.synthesized', 'decision.made', 'decision.challenged',
    'mentoring.provided', 'plan.created', 'task.assigned', 'task.progressed',
    'resource.allocated', 'timeline.optimized', 'quality.assessed', 'compliance.checked',
    'consistency.evaluated', 'feedback.provided', 'content.approved', 'content.rejected',
    'trend.predicted', 'trend.updated', 'intelligence.gathered', 'performance.analyzed',
    'recommendation.generated', 'forecast.generated', 'conflict.registered', 'conflict.analyzed',
    'resolution.proposed', 'conflict.resolved', 'appeal.handled', 'fairness.reported',
    'notification.sent', 'notification.delivered', 'notification.failed', 'broadcast.sent',
    'subscription.changed', 'template.created', 'agent.queued', 'agent.started',
    'agent.completed', 'agent.failed', 'agent.model_switched', 'agent.dead_lettered',
    'budget.threshold_reached', 'budget.exhausted', 'campaign.created', 'campaign.updated',
    'campaign.status_changed', 'campaign.archived', 'move.created', 'move.updated',
    'move.deleted', 'achievement.created', 'achievement.updated', 'achievement.deleted',
    'quest.created', 'quest.updated', 'quest.deleted', 'alert.created', 'alert.acknowledged',
    'alert.resolved', 'intelligence.created', 'intelligence.updated', 'intelligence.deleted',
    'competitor.created', 'competitor.updated', 'competitor.deleted', 'insight.created',
    'insight.updated', 'insight.deleted', 'member.invited', 'member.role_changed',
    'member.removed', 'workspace.created', 'workspace.updated', 'api_key.created',
    'api_key.revoked', 'budget.updated', 'dead_letter.retried', 'onboarding.started',
    'onboarding.step_completed', 'onboarding.completed', 'onboarding.failed',
    'war_brief.generated', 'content.created', 'content.updated', 'plan.updated',
    'task.completed', 'appeal.filed', 'knowledge.ingested', 'knowledge.deleted',
    'knowledge.batch_progress', 'cache.invalidated'
  )),
  lord text check (lord in ('architect', 'cognition', 'strategos', 'aesthete', 'seer', 'arbiter', 'herald')),
  payload jsonb not null default '{}'::jsonb,
  actor_id uuid references auth.users (id) on delete set null,
  request_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id)
);

comment on table public.events is 'The RaptorBus log: every event published on a workspace channel. Clients resume after the last sequence they saw.';
comment on column public.events.sequence is 'Monotonically increasing across all workspaces (identity); clients resume with the last sequence they saw.';

create unique index events_workspace_id_sequence_key on public.events (workspace_id, sequence);
create index events_workspace_id_channel_sequence_idx on public.events (workspace_id, channel, sequence);
create index events_workspace_id_event_type_sequence_idx on public.events (workspace_id, event_type, sequence);
create index events_actor_id_idx on public.events (actor_id);

create trigger set_updated_at before update on public.events
  for each row execute function private.set_updated_at();

alter table public.events enable row level security;
alter table public.events force row level security;

revoke all on table public.events from anon, authenticated, service_role;
grant select, insert on table public.events to authenticated;
grant select, insert, update, delete on table public.events to service_role;

create policy "Events are viewable by workspace members"
  on public.events for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Events can be recorded by analysts as themselves"
  on public.events for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst') and actor_id = (select auth.uid()));

-- audit_logs
create table public.audit_logs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  actor_id uuid references auth.users (id) on delete set null,
  actor_type text not null default 'user' check (actor_type in ('user', 'api_key', 'service', 'agent')),
  action text not null check (char_length(action) between 1 and 100),
  entity_type text not null check (entity_type ~ '^[a-z][a-z_]*$'),
  entity_id uuid,
  before jsonb,
  after jsonb,
  request_id text,
  ip_address inet,
  user_agent text,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.audit_logs is 'Append-only audit trail of who did what to which entity. Insert-only for users; only the service role may change it.';

create index audit_logs_workspace_id_created_at_id_idx on public.audit_logs (workspace_id, created_at, id);
create index audit_logs_workspace_id_entity_type_entity_id_idx on public.audit_logs (workspace_id, entity_type, entity_id);
create index audit_logs_workspace_id_actor_id_idx on public.audit_logs (workspace_id, actor_id);
create index audit_logs_actor_id_idx on public.audit_logs (actor_id);

create trigger set_updated_at before update on public.audit_logs
  for each row execute function private.set_updated_at();

alter table public.audit_logs enable row level security;
alter table public.audit_logs force row level security;

revoke all on table public.audit_logs from anon, authenticated, service_role;
grant select, insert on table public.audit_logs to authenticated;
grant select, insert, update, delete on table public.audit_logs to service_role;

create policy "Audit logs are viewable by admins and their actors"
  on public.audit_logs for select to authenticated
  using (
    private.has_workspace_role(workspace_id, 'admin')
    or (actor_id = (select auth.uid()) and private.is_workspace_member(workspace_id))
  );
create policy "Audit logs can be written by members as themselves"
  on public.audit_logs for insert to authenticated
  with check (private.is_workspace_member(workspace_id) and actor_id = (select auth.uid()));

-- alerts
create table public.alerts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  alert_type text not null check (alert_type in (
    'budget', 'agent_failure', 'dead_letter', 'performance', 'security', 'quality', 'system'
  )),
  severity text not null check (severity in ('info', 'warning', 'error', 'critical')),
  status text not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
  title text not null check (char_length(title) between 1 and 300),
  message text,
  source text,
  metadata jsonb not null default '{}'::jsonb,
  acknowledged_by uuid references auth.users (id) on delete set null,
  acknowledged_at timestamptz,
  resolved_by uuid references auth.users (id) on delete set null,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.alerts is 'System and business alerts (budget, agent failures, dead letters, performance, security, quality).';

create index alerts_workspace_id_created_at_id_idx on public.alerts (workspace_id, created_at, id);
create index alerts_workspace_id_status_severity_idx on public.alerts (workspace_id, status, severity);
create index alerts_acknowledged_by_idx on public.alerts (acknowledged_by);
create index alerts_resolved_by_idx on public.alerts (resolved_by);

create trigger set_updated_at before update on public.alerts
  for each row execute function private.set_updated_at();

alter table public.alerts enable row level security;
alter table public.alerts force row level security;

revoke all on table public.alerts from anon, authenticated, service_role;
grant select, insert, update, delete on table public.alerts to authenticated;
grant select, insert, update, delete on table public.alerts to service_role;

create policy "Alerts are viewable by workspace members"
  on public.alerts for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Alerts can be created by analysts"
  on public.alerts for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Alerts can be updated by analysts"
  on public.alerts for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Alerts can be deleted by analysts"
  on public.alerts for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- budgets
create table public.budgets (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  monthly_limit_usd numeric(12,2) not null check (monthly_limit_usd >= 0),
  alert_threshold_percent numeric(5,2) not null default 80 check (alert_threshold_percent between 0 and 100),
  hard_limit boolean not null default true,
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id),
  unique (workspace_id, id)
);

comment on table public.budgets is 'A workspace''s monthly model-and-API spend limit, alert threshold and whether the limit is hard.';

create index budgets_created_by_idx on public.budgets (created_by);

create trigger set_updated_at before update on public.budgets
  for each row execute function private.set_updated_at();

alter table public.budgets enable row level security;
alter table public.budgets force row level security;

revoke all on table public.budgets from anon, authenticated, service_role;
grant select, insert, update, delete on table public.budgets to authenticated;
grant select, insert, update, delete on table public.budgets to service_role;

create policy "Budgets are viewable by analysts"
  on public.budgets for select to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Budgets can be created by admins"
  on public.budgets for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'admin'));
create policy "Budgets can be updated by admins"
  on public.budgets for update to authenticated
  using (private.has_workspace_role(workspace_id, 'admin'))
  with check (private.has_workspace_role(workspace_id, 'admin'));
create policy "Budgets can be deleted by admins"
  on public.budgets for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'admin'));

-- external_api_calls
create table public.external_api_calls (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  provider text not null check (provider in (
    'semrush', 'ahrefs', 'newsapi', 'brave_search', 'canva', 'twitter', 'linkedin',
    'google_trends', 'similarweb'
  )),
  endpoint text not null,
  method text not null default 'GET' check (method in ('GET', 'POST', 'PUT', 'PATCH', 'DELETE')),
  status_code integer check (status_code between 100 and 599),
  latency_ms integer check (latency_ms >= 0),
  cost_usd numeric(12,6) not null default 0 check (cost_usd >= 0),
  cached boolean not null default false,
  error text,
  request_id text,
  execution_id uuid,
  called_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, execution_id) references public.agent_execution_logs (workspace_id, id) on delete set null (execution_id)
);

comment on table public.external_api_calls is 'Calls to third-party data APIs (SEMrush, Ahrefs, NewsAPI, ...) with status, latency, cost and caching.';

create index external_api_calls_workspace_id_created_at_id_idx on public.external_api_calls (workspace_id, created_at, id);
create index external_api_calls_workspace_id_provider_called_at_idx on public.external_api_calls (workspace_id, provider, called_at);
create index external_api_calls_workspace_id_execution_id_idx on public.external_api_calls (workspace_id, execution_id);

create trigger set_updated_at before update on public.external_api_calls
  for each row execute function private.set_updated_at();

alter table public.external_api_calls enable row level security;
alter table public.external_api_calls force row level security;

revoke all on table public.external_api_calls from anon, authenticated, service_role;
grant select on table public.external_api_calls to authenticated;
grant select, insert, update, delete on table public.external_api_calls to service_role;

create policy "External API calls are viewable by analysts"
  on public.external_api_calls for select to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- cost_ledger
create table public.cost_ledger (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  category text not null check (category in ('llm', 'embedding', 'external_api', 'vector', 'storage')),
  amount_usd numeric(12,6) not null check (amount_usd >= 0),
  description text,
  model text,
  provider text check (provider in (
    'anthropic', 'google', 'openai', 'mistral', 'local', 'semrush', 'ahrefs', 'newsapi',
    'brave_search', 'canva', 'twitter', 'linkedin', 'google_trends', 'similarweb'
  )),
  tokens_in integer check (tokens_in >= 0),
  tokens_out integer check (tokens_out >= 0),
  budget_id uuid,
  execution_id uuid,
  external_api_call_id uuid,
  campaign_id uuid,
  agent_id uuid references public.agent_registry (id) on delete set null,
  occurred_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, budget_id) references public.budgets (workspace_id, id) on delete set null (budget_id),
  foreign key (workspace_id, execution_id) references public.agent_execution_logs (workspace_id, id) on delete set null (execution_id),
  foreign key (workspace_id, external_api_call_id) references public.external_api_calls (workspace_id, id) on delete set null (external_api_call_id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id)
);

comment on table public.cost_ledger is 'One row per charge (model tokens, embeddings, external APIs, vectors, storage) against a workspace budget.';

create index cost_ledger_workspace_id_created_at_id_idx on public.cost_ledger (workspace_id, created_at, id);
create index cost_ledger_workspace_id_occurred_at_idx on public.cost_ledger (workspace_id, occurred_at);
create index cost_ledger_workspace_id_category_occurred_at_idx on public.cost_ledger (workspace_id, category, occurred_at);
create index cost_ledger_workspace_id_budget_id_idx on public.cost_ledger (workspace_id, budget_id);
create index cost_ledger_workspace_id_execution_id_idx on public.cost_ledger (workspace_id, execution_id);
create index cost_ledger_workspace_id_external_api_call_id_idx on public.cost_ledger (workspace_id, external_api_call_id);
create index cost_ledger_workspace_id_campaign_id_idx on public.cost_ledger (workspace_id, campaign_id);
create index cost_ledger_agent_id_idx on public.cost_ledger (agent_id);

create trigger set_updated_at before update on public.cost_ledger
  for each row execute function private.set_updated_at();

alter table public.cost_ledger enable row level security;
alter table public.cost_ledger force row level security;

revoke all on table public.cost_ledger from anon, authenticated, service_role;
grant select on table public.cost_ledger to authenticated;
grant select, insert, update, delete on table public.cost_ledger to service_role;

create policy "Cost ledger entries are viewable by analysts"
  on public.cost_ledger for select to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- webhook_deliveries
create table public.webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  provider text not null check (provider in ('qstash', 'supabase', 'external')),
  message_id text not null,
  topic text not null,
  status text not null default 'received' check (status in ('received', 'processing', 'processed', 'failed')),
  attempts integer not null default 1 check (attempts >= 0),
  payload jsonb not null default '{}'::jsonb,
  response_status integer check (response_status between 100 and 599),
  error text,
  execution_id uuid,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (provider, message_id),
  unique (workspace_id, id),
  foreign key (workspace_id, execution_id) references public.agent_execution_logs (workspace_id, id) on delete set null (execution_id)
);

comment on table public.webhook_deliveries is 'Inbound deliveries (QStash and others) by provider message id, so a redelivered message is processed once.';

create index webhook_deliveries_workspace_id_created_at_id_idx on public.webhook_deliveries (workspace_id, created_at, id);
create index webhook_deliveries_workspace_id_status_received_at_idx on public.webhook_deliveries (workspace_id, status, received_at);
create index webhook_deliveries_workspace_id_execution_id_idx on public.webhook_deliveries (workspace_id, execution_id);

create trigger set_updated_at before update on public.webhook_deliveries
  for each row execute function private.set_updated_at();

alter table public.webhook_deliveries enable row level security;
alter table public.webhook_deliveries force row level security;

revoke all on table public.webhook_deliveries from anon, authenticated, service_role;
grant select on table public.webhook_deliveries to authenticated;
grant select, insert, update, delete on table public.webhook_deliveries to service_role;

create policy "Webhook deliveries are viewable by lord operators"
  on public.webhook_deliveries for select to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- onboarding_runs
create table public.onboarding_runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'running', 'completed', 'failed', 'cancelled')),
  company_data jsonb not null default '{}'::jsonb,
  current_step integer not null default 0 check (current_step between 0 and 12),
  results jsonb not null default '{}'::jsonb,
  campaign_id uuid,
  started_by uuid references auth.users (id) on delete set null,
  started_at timestamptz,
  completed_at timestamptz,
  total_research_minutes numeric(8,2) check (total_research_minutes >= 0),
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  check (completed_at is null or started_at is null or completed_at >= started_at)
);

comment on table public.onboarding_runs is 'Maniacal Onboarding runs: the 12-step deterministic workflow that builds a campaign foundation.';

create index onboarding_runs_workspace_id_created_at_id_idx on public.onboarding_runs (workspace_id, created_at, id);
create index onboarding_runs_workspace_id_status_idx on public.onboarding_runs (workspace_id, status);
create index onboarding_runs_workspace_id_campaign_id_idx on public.onboarding_runs (workspace_id, campaign_id);
create index onboarding_runs_started_by_idx on public.onboarding_runs (started_by);

create trigger set_updated_at before update on public.onboarding_runs
  for each row execute function private.set_updated_at();

alter table public.onboarding_runs enable row level security;
alter table public.onboarding_runs force row level security;

revoke all on table public.onboarding_runs from anon, authenticated, service_role;
grant select, insert, update, delete on table public.onboarding_runs to authenticated;
grant select, insert, update, delete on table public.onboarding_runs to service_role;

create policy "Onboarding runs are viewable by workspace members"
  on public.onboarding_runs for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Onboarding runs can be created by analysts"
  on public.onboarding_runs for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Onboarding runs can be updated by analysts"
  on public.onboarding_runs for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Onboarding runs can be deleted by analysts"
  on public.onboarding_runs for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- onboarding_steps
create table public.onboarding_steps (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  run_id uuid not null,
  step_number integer not null check (step_number between 1 and 12),
  step_key text not null check (step_key in (
    'fundamentals', 'company_analysis', 'personas', 'market', 'industry', 'trends',
    'competitors', 'positioning', 'messaging', 'channels', 'content_pillars', 'roadmap'
  )),
  status text not null default 'pending' check (status in ('pending', 'running', 'completed', 'failed', 'skipped')),
  output jsonb,
  error text,
  agent_id uuid references public.agent_registry (id) on delete set null,
  execution_id uuid,
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, run_id, step_number),
  foreign key (workspace_id, run_id) references public.onboarding_runs (workspace_id, id) on delete cascade,
  foreign key (workspace_id, execution_id) references public.agent_execution_logs (workspace_id, id) on delete set null (execution_id),
  check ((step_number, step_key) in ((1, 'fundamentals'), (2, 'company_analysis'), (3, 'personas'), (4, 'market'), (5, 'industry'), (6, 'trends'), (7, 'competitors'), (8, 'positioning'), (9, 'messaging'), (10, 'channels'), (11, 'content_pillars'), (12, 'roadmap'))),
  check (completed_at is null or started_at is null or completed_at >= started_at)
);

comment on table public.onboarding_steps is 'The 12 steps of an onboarding run (fundamentals to roadmap) with agent, output and timing.';

create index onboarding_steps_workspace_id_created_at_id_idx on public.onboarding_steps (workspace_id, created_at, id);
create index onboarding_steps_workspace_id_execution_id_idx on public.onboarding_steps (workspace_id, execution_id);
create index onboarding_steps_agent_id_idx on public.onboarding_steps (agent_id);

create trigger set_updated_at before update on public.onboarding_steps
  for each row execute function private.set_updated_at();

alter table public.onboarding_steps enable row level security;
alter table public.onboarding_steps force row level security;

revoke all on table public.onboarding_steps from anon, authenticated, service_role;
grant select, insert, update, delete on table public.onboarding_steps to authenticated;
grant select, insert, update, delete on table public.onboarding_steps to service_role;

create policy "Onboarding steps are viewable by workspace members"
  on public.onboarding_steps for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Onboarding steps can be created by analysts"
  on public.onboarding_steps for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Onboarding steps can be updated by analysts"
  on public.onboarding_steps for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Onboarding steps can be deleted by analysts"
  on public.onboarding_steps for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- dead_letters
create table public.dead_letters (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  source text not null check (source in ('qstash', 'raptorbus', 'webhook', 'agent')),
  topic text not null,
  message_id text,
  payload jsonb not null default '{}'::jsonb,
  error text not null,
  attempts integer not null default 0 check (attempts >= 0),
  status text not null default 'pending' check (status in ('pending', 'retrying', 'resolved', 'discarded')),
  execution_id uuid,
  webhook_delivery_id uuid,
  last_attempt_at timestamptz,
  resolved_at timestamptz,
  resolved_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, execution_id) references public.agent_execution_logs (workspace_id, id) on delete set null (execution_id),
  foreign key (workspace_id, webhook_delivery_id) references public.webhook_deliveries (workspace_id, id) on delete set null (webhook_delivery_id)
);

comment on table public.dead_letters is 'Messages that exhausted their retries (QStash, RaptorBus, webhooks, agents), kept for inspection and retry.';

create index dead_letters_workspace_id_created_at_id_idx on public.dead_letters (workspace_id, created_at, id);
create index dead_letters_workspace_id_status_created_at_idx on public.dead_letters (workspace_id, status, created_at);
create index dead_letters_workspace_id_execution_id_idx on public.dead_letters (workspace_id, execution_id);
create index dead_letters_workspace_id_webhook_delivery_id_idx on public.dead_letters (workspace_id, webhook_delivery_id);
create index dead_letters_resolved_by_idx on public.dead_letters (resolved_by);

create trigger set_updated_at before update on public.dead_letters
  for each row execute function private.set_updated_at();

alter table public.dead_letters enable row level security;
alter table public.dead_letters force row level security;

revoke all on table public.dead_letters from anon, authenticated, service_role;
grant select, update, delete on table public.dead_letters to authenticated;
grant select, insert, update, delete on table public.dead_letters to service_role;

create policy "Dead letters are viewable by lord operators"
  on public.dead_letters for select to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Dead letters can be updated by admins"
  on public.dead_letters for update to authenticated
  using (private.has_workspace_role(workspace_id, 'admin'))
  with check (private.has_workspace_role(workspace_id, 'admin'));
create policy "Dead letters can be deleted by admins"
  on public.dead_letters for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'admin'));
