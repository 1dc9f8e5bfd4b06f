-- Intelligence (the Seer's domain).
--
-- Market intelligence, competitors and competitive analyses, customer insights, trend forecasts,
-- forecast reports, performance analyses and recommendations. Analysts and above write.
--
-- Every table: row-level security enabled and forced; anon is granted nothing, authenticated
-- exactly the operations its policies allow, service_role select/insert/update/delete.

-- competitors
create table public.competitors (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  website text,
  description text,
  positioning text,
  strengths jsonb not null default '[]'::jsonb,
  weaknesses jsonb not null default '[]'::jsonb,
  threat_level text not null default 'medium' check (threat_level in ('critical', 'high', 'medium', 'low')),
  status text not null default 'active' check (status in ('active', 'monitoring', 'archived')),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, name),
  unique (workspace_id, id)
);

comment on table public.competitors is 'Competitors a workspace tracks, with positioning, strengths, weaknesses and threat level.';

create index competitors_workspace_id_created_at_id_idx on public.competitors (workspace_id, created_at, id);
create index competitors_created_by_idx on public.competitors (created_by);

create trigger set_updated_at before update on public.competitors
  for each row execute function private.set_updated_at();

alter table public.competitors enable row level security;
alter table public.competitors force row level security;

revoke all on table public.competitors from anon, authenticated, service_role;
grant select, insert, update, delete on table public.competitors to authenticated;
grant select, insert, update, delete on table public.competitors to service_role;

create policy "Competitors are viewable by workspace members"
  on public.competitors for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Competitors can be created by analysts"
  on public.competitors for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Competitors can be updated by analysts"
  on public.competitors for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Competitors can be deleted by analysts"
  on public.competitors for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- market_intelligence
create table public.market_intelligence (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  intelligence_type text not null check (intelligence_type in (
    'competitive', 'market_trend', 'customer_behavior', 'technology', 'regulatory', 'economic'
  )),
  title text not null check (char_length(title) between 1 and 300),
  summary text,
  source text,
  source_url text,
  impact_score numeric(5,2) check (impact_score between 0 and 100),
  relevance_score numeric(5,2) check (relevance_score between 0 and 100),
  threat_level text check (threat_level in ('critical', 'high', 'medium', 'low')),
  key_insights jsonb not null default '[]'::jsonb,
  data jsonb not null default '{}'::jsonb,
  competitor_id uuid,
  campaign_id uuid,
  agent_id uuid references public.agent_registry (id) on delete set null,
  gathered_at timestamptz not null default now(),
  expires_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, competitor_id) references public.competitors (workspace_id, id) on delete set null (competitor_id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id)
);

comment on table public.market_intelligence is 'Gathered intelligence (competitive, market trend, customer behaviour, technology, regulatory, economic) with impact and relevance scores.';

create index market_intelligence_workspace_id_created_at_id_idx on public.market_intelligence (workspace_id, created_at, id);
create index market_intelligence_type_gathered_at_idx on public.market_intelligence (workspace_id, intelligence_type, gathered_at);
create index market_intelligence_workspace_id_competitor_id_idx on public.market_intelligence (workspace_id, competitor_id);
create index market_intelligence_workspace_id_campaign_id_idx on public.market_intelligence (workspace_id, campaign_id);
create index market_intelligence_agent_id_idx on public.market_intelligence (agent_id);
create index market_intelligence_created_by_idx on public.market_intelligence (created_by);

create trigger set_updated_at before update on public.market_intelligence
  for each row execute function private.set_updated_at();

alter table public.market_intelligence enable row level security;
alter table public.market_intelligence force row level security;

revoke all on table public.market_intelligence from anon, authenticated, service_role;
grant select, insert, update, delete on table public.market_intelligence to authenticated;
grant select, insert, update, delete on table public.market_intelligence to service_role;

create policy "Market intelligence is viewable by workspace members"
  on public.market_intelligence for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Market intelligence can be created by analysts"
  on public.market_intelligence for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Market intelligence can be updated by analysts"
  on public.market_intelligence for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Market intelligence can be deleted by analysts"
  on public.market_intelligence for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- competitive_analyses
create table public.competitive_analyses (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  competitor_id uuid not null,
  campaign_id uuid,
  analysis_type text not null check (analysis_type in (
    'swot', 'positioning', 'pricing', 'content', 'seo', 'social', 'advertising'
  )),
  summary text,
  findings jsonb not null default '{}'::jsonb,
  score numeric(5,2) check (score between 0 and 100),
  agent_id uuid references public.agent_registry (id) on delete set null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, competitor_id) references public.competitors (workspace_id, id) on delete cascade,
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id)
);

comment on table public.competitive_analyses is 'Analyses of one competitor (SWOT, positioning, pricing, content, SEO, social, advertising).';

create index competitive_analyses_workspace_id_created_at_id_idx on public.competitive_analyses (workspace_id, created_at, id);
create index competitive_analyses_workspace_id_competitor_id_idx on public.competitive_analyses (workspace_id, competitor_id);
create index competitive_analyses_workspace_id_campaign_id_idx on public.competitive_analyses (workspace_id, campaign_id);
create index competitive_analyses_agent_id_idx on public.competitive_analyses (agent_id);
create index competitive_analyses_created_by_idx on public.competitive_analyses (created_by);

create trigger set_updated_at before update on public.competitive_analyses
  for each row execute function private.set_updated_at();

alter table public.competitive_analyses enable row level security;
alter table public.competitive_analyses force row level security;

revoke all on table public.competitive_analyses from anon, authenticated, service_role;
grant select, insert, update, delete on table public.competitive_analyses to authenticated;
grant select, insert, update, delete on table public.competitive_analyses to service_role;

create policy "Competitive analyses are viewable by workspace members"
  on public.competitive_analyses for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Competitive analyses can be created by analysts"
  on public.competitive_analyses for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Competitive analyses can be updated by analysts"
  on public.competitive_analyses for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Competitive analyses can be deleted by analysts"
  on public.competitive_analyses for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- customer_insights
create table public.customer_insights (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  cohort_id uuid,
  campaign_id uuid,
  insight_type text not null check (insight_type in (
    'pain_point', 'motivation', 'behavior', 'preference', 'objection', 'feedback'
  )),
  title text not null check (char_length(title) between 1 and 300),
  insight text not null,
  evidence jsonb not null default '[]'::jsonb,
  source text,
  confidence numeric(4,3) check (confidence between 0 and 1),
  impact_score numeric(5,2) check (impact_score between 0 and 100),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, cohort_id) references public.cohorts (workspace_id, id) on delete set null (cohort_id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id)
);

comment on table public.customer_insights is 'Insights about customers (pain points, motivations, behaviour, objections) tied to cohorts or campaigns.';

create index customer_insights_workspace_id_created_at_id_idx on public.customer_insights (workspace_id, created_at, id);
create index customer_insights_workspace_id_insight_type_idx on public.customer_insights (workspace_id, insight_type);
create index customer_insights_workspace_id_cohort_id_idx on public.customer_insights (workspace_id, cohort_id);
create index customer_insights_workspace_id_campaign_id_idx on public.customer_insights (workspace_id, campaign_id);
create index customer_insights_created_by_idx on public.customer_insights (created_by);

create trigger set_updated_at before update on public.customer_insights
  for each row execute function private.set_updated_at();

alter table public.customer_insights enable row level security;
alter table public.customer_insights force row level security;

revoke all on table public.customer_insights from anon, authenticated, service_role;
grant select, insert, update, delete on table public.customer_insights to authenticated;
grant select, insert, update, delete on table public.customer_insights to service_role;

create policy "Customer insights are viewable by workspace members"
  on public.customer_insights for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Customer insights can be created by analysts"
  on public.customer_insights for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Customer insights can be updated by analysts"
  on public.customer_insights for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Customer insights can be deleted by analysts"
  on public.customer_insights for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- trend_forecasts
create table public.trend_forecasts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  subject text not null,
  metric text not null,
  forecast_type text not null check (forecast_type in ('linear', 'exponential', 'polynomial', 'seasonal', 'cyclical')),
  trend_direction text not null check (trend_direction in ('strongly_up', 'up', 'stable', 'down', 'strongly_down')),
  confidence_level text not null check (confidence_level in ('very_high', 'high', 'medium', 'low', 'very_low')),
  confidence numeric(4,3) check (confidence between 0 and 1),
  current_value numeric(18,4),
  predicted_values jsonb not null default '[]'::jsonb,
  horizon_days integer not null check (horizon_days > 0),
  campaign_id uuid,
  agent_id uuid references public.agent_registry (id) on delete set null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id)
);

comment on table public.trend_forecasts is 'Seer trend predictions: forecast model, direction, confidence and predicted values over a horizon.';

create index trend_forecasts_workspace_id_created_at_id_idx on public.trend_forecasts (workspace_id, created_at, id);
create index trend_forecasts_workspace_id_forecast_type_idx on public.trend_forecasts (workspace_id, forecast_type);
create index trend_forecasts_workspace_id_campaign_id_idx on public.trend_forecasts (workspace_id, campaign_id);
create index trend_forecasts_agent_id_idx on public.trend_forecasts (agent_id);
create index trend_forecasts_created_by_idx on public.trend_forecasts (created_by);

create trigger set_updated_at before update on public.trend_forecasts
  for each row execute function private.set_updated_at();

alter table public.trend_forecasts enable row level security;
alter table public.trend_forecasts force row level security;

revoke all on table public.trend_forecasts from anon, authenticated, service_role;
grant select, insert, update, delete on table public.trend_forecasts to authenticated;
grant select, insert, update, delete on table public.trend_forecasts to service_role;

create policy "Trend forecasts are viewable by workspace members"
  on public.trend_forecasts for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Trend forecasts can be created by analysts"
  on public.trend_forecasts for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Trend forecasts can be updated by analysts"
  on public.trend_forecasts for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Trend forecasts can be deleted by analysts"
  on public.trend_forecasts for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- forecast_reports
create table public.forecast_reports (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 300),
  period_start date not null,
  period_end date not null,
  summary text,
  predictions jsonb not null default '[]'::jsonb,
  intelligence jsonb not null default '[]'::jsonb,
  risks jsonb not null default '[]'::jsonb,
  opportunities jsonb not null default '[]'::jsonb,
  overall_confidence numeric(4,3) check (overall_confidence between 0 and 1),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end >= period_start)
);

comment on table public.forecast_reports is 'Compiled forecast reports for a period: predictions, intelligence, risks and opportunities.';

create index forecast_reports_workspace_id_created_at_id_idx on public.forecast_reports (workspace_id, created_at, id);
create index forecast_reports_created_by_idx on public.forecast_reports (created_by);

create trigger set_updated_at before update on public.forecast_reports
  for each row execute function private.set_updated_at();

alter table public.forecast_reports enable row level security;
alter table public.forecast_reports force row level security;

revoke all on table public.forecast_reports from anon, authenticated, service_role;
grant select, insert, update, delete on table public.forecast_reports to authenticated;
grant select, insert, update, delete on table public.forecast_reports to service_role;

create policy "Forecast reports are viewable by workspace members"
  on public.forecast_reports for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Forecast reports can be created by analysts"
  on public.forecast_reports for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Forecast reports can be updated by analysts"
  on public.forecast_reports for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Forecast reports can be deleted by analysts"
  on public.forecast_reports for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- performance_analyses
create table public.performance_analyses (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  subject_type text not null check (subject_type in ('campaign', 'guild', 'workspace')),
  campaign_id uuid,
  guild_id uuid references public.guilds (id) on delete restrict,
  period_start timestamptz,
  period_end timestamptz,
  metrics jsonb not null default '{}'::jsonb,
  performance_score numeric(5,2) check (performance_score between 0 and 100),
  trend_analysis jsonb not null default '{}'::jsonb,
  strengths jsonb not null default '[]'::jsonb,
  weaknesses jsonb not null default '[]'::jsonb,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete cascade,
  check (subject_type <> 'campaign' or campaign_id is not null),
  check (subject_type <> 'guild' or guild_id is not null),
  check (period_end is null or period_start is null or period_end >= period_start)
);

comment on table public.performance_analyses is 'Performance analyses of a campaign, a guild or the whole workspace: metrics, score, strengths, weaknesses.';

create index performance_analyses_workspace_id_created_at_id_idx on public.performance_analyses (workspace_id, created_at, id);
create index performance_analyses_workspace_id_campaign_id_idx on public.performance_analyses (workspace_id, campaign_id);
create index performance_analyses_guild_id_idx on public.performance_analyses (guild_id);
create index performance_analyses_created_by_idx on public.performance_analyses (created_by);

create trigger set_updated_at before update on public.performance_analyses
  for each row execute function private.set_updated_at();

alter table public.performance_analyses enable row level security;
alter table public.performance_analyses force row level security;

revoke all on table public.performance_analyses from anon, authenticated, service_role;
grant select, insert, update, delete on table public.performance_analyses to authenticated;
grant select, insert, update, delete on table public.performance_analyses to service_role;

create policy "Performance analyses are viewable by workspace members"
  on public.performance_analyses for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Performance analyses can be created by analysts"
  on public.performance_analyses for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Performance analyses can be updated by analysts"
  on public.performance_analyses for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Performance analyses can be deleted by analysts"
  on public.performance_analyses for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- recommendations
create table public.recommendations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 300),
  description text,
  category text check (category in (
    'budget', 'channel', 'content', 'audience', 'timing', 'positioning', 'pricing', 'process'
  )),
  priority text not null default 'medium' check (priority in ('critical', 'high', 'medium', 'low', 'deferred')),
  expected_impact numeric(5,2) check (expected_impact between 0 and 100),
  implementation_effort text check (implementation_effort in ('low', 'medium', 'high')),
  success_probability numeric(4,3) check (success_probability between 0 and 1),
  status text not null default 'proposed' check (status in ('proposed', 'accepted', 'rejected', 'implemented', 'dismissed')),
  forecast_id uuid,
  performance_analysis_id uuid,
  campaign_id uuid,
  agent_id uuid references public.agent_registry (id) on delete set null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, forecast_id) references public.trend_forecasts (workspace_id, id) on delete set null (forecast_id),
  foreign key (workspace_id, performance_analysis_id) references public.performance_analyses (workspace_id, id) on delete set null (performance_analysis_id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id)
);

comment on table public.recommendations is 'Strategic recommendations with priority, expected impact, effort and success probability.';

create index recommendations_workspace_id_created_at_id_idx on public.recommendations (workspace_id, created_at, id);
create index recommendations_workspace_id_status_priority_idx on public.recommendations (workspace_id, status, priority);
create index recommendations_workspace_id_forecast_id_idx on public.recommendations (workspace_id, forecast_id);
create index recommendations_workspace_id_performance_analysis_id_idx on public.recommendations (workspace_id, performance_analysis_id);
create index recommendations_workspace_id_campaign_id_idx on public.recommendations (workspace_id, campaign_id);
create index recommendations_agent_id_idx on public.recommendations (agent_id);
create index recommendations_created_by_idx on public.recommendations (created_by);

create trigger set_updated_at before update on public.recommendations
  for each row execute function private.set_updated_at();

alter table public.recommendations enable row level security;
alter table public.recommendations force row level security;

revoke all on table public.recommendations from anon, authenticated, service_role;
grant select, insert, update, delete on table public.recommendations to authenticated;
grant select, insert, update, delete on table public.recommendations to service_role;

create policy "Recommendations are viewable by workspace members"
  on public.recommendations for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Recommendations can be created by analysts"
  on public.recommendations for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Recommendations can be updated by analysts"
  on public.recommendations for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Recommendations can be deleted by analysts"
  on public.recommendations for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));
