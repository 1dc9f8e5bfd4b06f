-- Marketing core.
--
-- Campaigns with their positioning, message architecture and target cohorts; moves, achievements,
-- quests with chapters, and war briefs. Analysts and above write; every member reads.
-- Child rows reference parents through (workspace_id, id), so a row can never point into another
-- workspace.
--
-- Every table: row-level security enabled and forced; anon is granted nothing, authenticated
-- exactly the operations its policies allow, service_role select/insert/update/delete.

-- positionings
create table public.positionings (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  statement text not null,
  target_audience text,
  market_category text,
  differentiators jsonb not null default '[]'::jsonb,
  proof_points jsonb not null default '[]'::jsonb,
  status text not null default 'draft' check (status in ('draft', 'active', 'archived')),
  version integer not null default 1 check (version > 0),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id)
);

comment on table public.positionings is 'Positioning statements campaigns run on: audience, market category, differentiators and proof points.';

create index positionings_workspace_id_created_at_id_idx on public.positionings (workspace_id, created_at, id);
create index positionings_workspace_id_status_idx on public.positionings (workspace_id, status);
create index positionings_created_by_idx on public.positionings (created_by);

create trigger set_updated_at before update on public.positionings
  for each row execute function private.set_updated_at();

alter table public.positionings enable row level security;
alter table public.positionings force row level security;

revoke all on table public.positionings from anon, authenticated, service_role;
grant select, insert, update, delete on table public.positionings to authenticated;
grant select, insert, update, delete on table public.positionings to service_role;

create policy "Positionings are viewable by workspace members"
  on public.positionings for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Positionings can be created by analysts"
  on public.positionings for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Positionings can be updated by analysts"
  on public.positionings for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Positionings can be deleted by analysts"
  on public.positionings for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- cohorts
create table public.cohorts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  description text,
  persona jsonb not null default '{}'::jsonb,
  pain_points jsonb not null default '[]'::jsonb,
  motivations jsonb not null default '[]'::jsonb,
  size_estimate bigint check (size_estimate >= 0),
  status text not null default 'active' check (status in ('draft', 'active', 'archived')),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, name),
  unique (workspace_id, id)
);

comment on table public.cohorts is 'Audience cohorts (personas) with pain points and motivations; campaigns target them.';

create index cohorts_workspace_id_created_at_id_idx on public.cohorts (workspace_id, created_at, id);
create index cohorts_created_by_idx on public.cohorts (created_by);

create trigger set_updated_at before update on public.cohorts
  for each row execute function private.set_updated_at();

alter table public.cohorts enable row level security;
alter table public.cohorts force row level security;

revoke all on table public.cohorts from anon, authenticated, service_role;
grant select, insert, update, delete on table public.cohorts to authenticated;
grant select, insert, update, delete on table public.cohorts to service_role;

create policy "Cohorts are viewable by workspace members"
  on public.cohorts for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Cohorts can be created by analysts"
  on public.cohorts for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Cohorts can be updated by analysts"
  on public.cohorts for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Cohorts can be deleted by analysts"
  on public.cohorts for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- campaigns
create table public.campaigns (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  description text,
  objective_type text not null check (objective_type in ('awareness', 'consideration', 'conversion', 'retention', 'advocacy')),
  status text not null default 'planning' check (status in ('planning', 'approved', 'active', 'paused', 'completed', 'archived')),
  positioning_id uuid,
  budget numeric(14,2) check (budget >= 0),
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  start_date date,
  end_date date,
  kpis jsonb not null default '{}'::jsonb,
  owner_id uuid references auth.users (id) on delete set null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, positioning_id) references public.positionings (workspace_id, id) on delete set null (positioning_id),
  check (end_date is null or start_date is null or end_date >= start_date)
);

comment on table public.campaigns is 'Marketing campaigns: objective, lifecycle status, budget, dates and the positioning they run on.';

create index campaigns_workspace_id_created_at_id_idx on public.campaigns (workspace_id, created_at, id);
create index campaigns_workspace_id_status_created_at_idx on public.campaigns (workspace_id, status, created_at);
create index campaigns_workspace_id_objective_type_idx on public.campaigns (workspace_id, objective_type);
create index campaigns_workspace_id_name_idx on public.campaigns (workspace_id, name);
create index campaigns_workspace_id_positioning_id_idx on public.campaigns (workspace_id, positioning_id);
create index campaigns_owner_id_idx on public.campaigns (owner_id);
create index campaigns_created_by_idx on public.campaigns (created_by);

create trigger set_updated_at before update on public.campaigns
  for each row execute function private.set_updated_at();

alter table public.campaigns enable row level security;
alter table public.campaigns force row level security;

revoke all on table public.campaigns from anon, authenticated, service_role;
grant select, insert, update, delete on table public.campaigns to authenticated;
grant select, insert, update, delete on table public.campaigns to service_role;

create policy "Campaigns are viewable by workspace members"
  on public.campaigns for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Campaigns can be created by analysts"
  on public.campaigns for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Campaigns can be updated by analysts"
  on public.campaigns for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Campaigns can be deleted by analysts"
  on public.campaigns for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- campaign_cohorts
create table public.campaign_cohorts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null,
  cohort_id uuid not null,
  is_primary boolean not null default false,
  priority text not null default 'medium' check (priority in ('critical', 'high', 'medium', 'low', 'deferred')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, campaign_id, cohort_id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete cascade,
  foreign key (workspace_id, cohort_id) references public.cohorts (workspace_id, id) on delete cascade
);

comment on table public.campaign_cohorts is 'Which cohorts a campaign targets, with the primary one flagged.';

create index campaign_cohorts_workspace_id_created_at_id_idx on public.campaign_cohorts (workspace_id, created_at, id);
create index campaign_cohorts_workspace_id_cohort_id_idx on public.campaign_cohorts (workspace_id, cohort_id);

create trigger set_updated_at before update on public.campaign_cohorts
  for each row execute function private.set_updated_at();

alter table public.campaign_cohorts enable row level security;
alter table public.campaign_cohorts force row level security;

revoke all on table public.campaign_cohorts from anon, authenticated, service_role;
grant select, insert, update, delete on table public.campaign_cohorts to authenticated;
grant select, insert, update, delete on table public.campaign_cohorts to service_role;

create policy "Campaign cohorts are viewable by workspace members"
  on public.campaign_cohorts for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Campaign cohorts can be created by analysts"
  on public.campaign_cohorts for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Campaign cohorts can be updated by analysts"
  on public.campaign_cohorts for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Campaign cohorts can be deleted by analysts"
  on public.campaign_cohorts for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- message_architectures
create table public.message_architectures (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  positioning_id uuid,
  campaign_id uuid,
  name text not null check (char_length(name) between 1 and 200),
  core_message text not null,
  pillars jsonb not null default '[]'::jsonb,
  proof_points jsonb not null default '[]'::jsonb,
  tone text,
  status text not null default 'draft' check (status in ('draft', 'active', 'archived')),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, positioning_id) references public.positionings (workspace_id, id) on delete set null (positioning_id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete cascade
);

comment on table public.message_architectures is 'Messaging hierarchy for a positioning or campaign: core message, pillars, proof points and tone.';

create index message_architectures_workspace_id_created_at_id_idx on public.message_architectures (workspace_id, created_at, id);
create index message_architectures_workspace_id_positioning_id_idx on public.message_architectures (workspace_id, positioning_id);
create index message_architectures_workspace_id_campaign_id_idx on public.message_architectures (workspace_id, campaign_id);
create index message_architectures_created_by_idx on public.message_architectures (created_by);

create trigger set_updated_at before update on public.message_architectures
  for each row execute function private.set_updated_at();

alter table public.message_architectures enable row level security;
alter table public.message_architectures force row level security;

revoke all on table public.message_architectures from anon, authenticated, service_role;
grant select, insert, update, delete on table public.message_architectures to authenticated;
grant select, insert, update, delete on table public.message_architectures to service_role;

create policy "Message architectures are viewable by workspace members"
  on public.message_architectures for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Message architectures can be created by analysts"
  on public.message_architectures for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Message architectures can be updated by analysts"
  on public.message_architectures for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Message architectures can be deleted by analysts"
  on public.message_architectures for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- moves
create table public.moves (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null,
  name text not null check (char_length(name) between 1 and 200),
  description text,
  move_type text not null check (move_type in (
    'content', 'social', 'email', 'advertising', 'seo', 'outreach', 'event', 'partnership', 'pr'
  )),
  channel text check (channel in (
    'email', 'social', 'search', 'display', 'video', 'web', 'events', 'pr', 'partnerships'
  )),
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'blocked', 'completed', 'cancelled')),
  priority text not null default 'medium' check (priority in ('critical', 'high', 'medium', 'low', 'deferred')),
  guild_id uuid references public.guilds (id) on delete set null,
  agent_id uuid references public.agent_registry (id) on delete set null,
  due_at timestamptz,
  completed_at timestamptz,
  position integer not null default 0,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete cascade
);

comment on table public.moves is 'Campaign actions and tactics, ordered within a campaign and optionally assigned to a guild or agent.';

create index moves_workspace_id_created_at_id_idx on public.moves (workspace_id, created_at, id);
create index moves_workspace_id_campaign_id_position_idx on public.moves (workspace_id, campaign_id, position);
create index moves_workspace_id_status_idx on public.moves (workspace_id, status);
create index moves_guild_id_idx on public.moves (guild_id);
create index moves_agent_id_idx on public.moves (agent_id);
create index moves_created_by_idx on public.moves (created_by);

create trigger set_updated_at before update on public.moves
  for each row execute function private.set_updated_at();

alter table public.moves enable row level security;
alter table public.moves force row level security;

revoke all on table public.moves from anon, authenticated, service_role;
grant select, insert, update, delete on table public.moves to authenticated;
grant select, insert, update, delete on table public.moves to service_role;

create policy "Moves are viewable by workspace members"
  on public.moves for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Moves can be created by analysts"
  on public.moves for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Moves can be updated by analysts"
  on public.moves for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Moves can be deleted by analysts"
  on public.moves for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- achievements
create table public.achievements (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid,
  move_id uuid,
  title text not null check (char_length(title) between 1 and 200),
  description text,
  achievement_type text not null check (achievement_type in ('milestone', 'metric_target', 'streak', 'badge')),
  status text not null default 'locked' check (status in ('locked', 'in_progress', 'unlocked')),
  metric text,
  target_value numeric(14,4),
  current_value numeric(14,4) not null default 0,
  xp integer not null default 0 check (xp >= 0),
  unlocked_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete cascade,
  foreign key (workspace_id, move_id) references public.moves (workspace_id, id) on delete set null (move_id)
);

comment on table public.achievements is 'Milestones and metric targets unlocked by campaigns and moves (gamification).';

create index achievements_workspace_id_created_at_id_idx on public.achievements (workspace_id, created_at, id);
create index achievements_workspace_id_status_idx on public.achievements (workspace_id, status);
create index achievements_workspace_id_campaign_id_idx on public.achievements (workspace_id, campaign_id);
create index achievements_workspace_id_move_id_idx on public.achievements (workspace_id, move_id);
create index achievements_created_by_idx on public.achievements (created_by);

create trigger set_updated_at before update on public.achievements
  for each row execute function private.set_updated_at();

alter table public.achievements enable row level security;
alter table public.achievements force row level security;

revoke all on table public.achievements from anon, authenticated, service_role;
grant select, insert, update, delete on table public.achievements to authenticated;
grant select, insert, update, delete on table public.achievements to service_role;

create policy "Achievements are viewable by workspace members"
  on public.achievements for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Achievements can be created by analysts"
  on public.achievements for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Achievements can be updated by analysts"
  on public.achievements for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Achievements can be deleted by analysts"
  on public.achievements for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- quests
create table public.quests (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null,
  name text not null check (char_length(name) between 1 and 200),
  description text,
  status text not null default 'draft' check (status in ('draft', 'active', 'completed', 'failed', 'abandoned')),
  success_metrics jsonb not null default '[]'::jsonb,
  reward_xp integer not null default 0 check (reward_xp >= 0),
  starts_at timestamptz,
  ends_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete cascade,
  check (ends_at is null or starts_at is null or ends_at >= starts_at)
);

comment on table public.quests is 'Gamified campaign milestones made of chapters, with success metrics and a reward.';

create index quests_workspace_id_created_at_id_idx on public.quests (workspace_id, created_at, id);
create index quests_workspace_id_campaign_id_idx on public.quests (workspace_id, campaign_id);
create index quests_created_by_idx on public.quests (created_by);

create trigger set_updated_at before update on public.quests
  for each row execute function private.set_updated_at();

alter table public.quests enable row level security;
alter table public.quests force row level security;

revoke all on table public.quests from anon, authenticated, service_role;
grant select, insert, update, delete on table public.quests to authenticated;
grant select, insert, update, delete on table public.quests to service_role;

create policy "Quests are viewable by workspace members"
  on public.quests for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Quests can be created by analysts"
  on public.quests for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Quests can be updated by analysts"
  on public.quests for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Quests can be deleted by analysts"
  on public.quests for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- quest_chapters
create table public.quest_chapters (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  quest_id uuid not null,
  position integer not null check (position > 0),
  title text not null check (char_length(title) between 1 and 200),
  description text,
  status text not null default 'locked' check (status in ('locked', 'active', 'completed', 'skipped')),
  objectives jsonb not null default '[]'::jsonb,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, quest_id, position),
  foreign key (workspace_id, quest_id) references public.quests (workspace_id, id) on delete cascade
);

comment on table public.quest_chapters is 'Ordered chapters of a quest, each with its objectives.';

create index quest_chapters_workspace_id_created_at_id_idx on public.quest_chapters (workspace_id, created_at, id);

create trigger set_updated_at before update on public.quest_chapters
  for each row execute function private.set_updated_at();

alter table public.quest_chapters enable row level security;
alter table public.quest_chapters force row level security;

revoke all on table public.quest_chapters from anon, authenticated, service_role;
grant select, insert, update, delete on table public.quest_chapters to authenticated;
grant select, insert, update, delete on table public.quest_chapters to service_role;

create policy "Quest chapters are viewable by workspace members"
  on public.quest_chapters for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Quest chapters can be created by analysts"
  on public.quest_chapters for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Quest chapters can be updated by analysts"
  on public.quest_chapters for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Quest chapters can be deleted by analysts"
  on public.quest_chapters for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- war_briefs
create table public.war_briefs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null,
  title text not null check (char_length(title) between 1 and 200),
  summary text,
  status text not null default 'generating' check (status in ('generating', 'ready', 'failed', 'archived')),
  competitive_landscape jsonb not null default '{}'::jsonb,
  market_shifts jsonb not null default '[]'::jsonb,
  insights jsonb not null default '[]'::jsonb,
  recommendations jsonb not null default '[]'::jsonb,
  agent_id uuid references public.agent_registry (id) on delete set null,
  execution_id uuid,
  generated_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete cascade,
  foreign key (workspace_id, execution_id) references public.agent_execution_logs (workspace_id, id) on delete set null (execution_id)
);

comment on table public.war_briefs is 'Intelligence briefs the Matrix guild generates for a campaign: landscape, market shifts, insights.';

create index war_briefs_workspace_id_created_at_id_idx on public.war_briefs (workspace_id, created_at, id);
create index war_briefs_workspace_id_campaign_id_idx on public.war_briefs (workspace_id, campaign_id);
create index war_briefs_workspace_id_execution_id_idx on public.war_briefs (workspace_id, execution_id);
create index war_briefs_agent_id_idx on public.war_briefs (agent_id);
create index war_briefs_created_by_idx on public.war_briefs (created_by);

create trigger set_updated_at before update on public.war_briefs
  for each row execute function private.set_updated_at();

alter table public.war_briefs enable row level security;
alter table public.war_briefs force row level security;

revoke all on table public.war_briefs from anon, authenticated, service_role;
grant select, insert, update, delete on table public.war_briefs to authenticated;
grant select, insert, update, delete on table public.war_briefs to service_role;

create policy "War briefs are viewable by workspace members"
  on public.war_briefs for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "War briefs can be created by analysts"
  on public.war_briefs for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "War briefs can be updated by analysts"
  on public.war_briefs for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "War briefs can be deleted by analysts"
  on public.war_briefs for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));
