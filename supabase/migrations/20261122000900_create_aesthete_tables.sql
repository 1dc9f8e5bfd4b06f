-- Aesthete Lord.
--
-- Content items and their quality and brand-compliance reviews, brand guidelines, consistency
-- reports and design feedback (analysts write); approval workflows (lord operators decide).
--
-- Every table: row-level security enabled and forced; anon is granted nothing, authenticated
-- exactly the operations its policies allow, service_role select/insert/update/delete.

-- brand_guidelines
create table public.brand_guidelines (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  category text not null check (category in (
    'voice', 'tone', 'visual', 'typography', 'color', 'imagery', 'messaging', 'legal'
  )),
  description text,
  rules jsonb not null default '[]'::jsonb,
  examples jsonb not null default '[]'::jsonb,
  weight numeric(4,2) not null default 1 check (weight between 0 and 10),
  is_active boolean not null default true,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, name)
);

comment on table public.brand_guidelines is 'Brand rules (voice, tone, visual, typography, colour, imagery, messaging, legal) with examples and weight.';

create index brand_guidelines_workspace_id_created_at_id_idx on public.brand_guidelines (workspace_id, created_at, id);
create index brand_guidelines_created_by_idx on public.brand_guidelines (created_by);

create trigger set_updated_at before update on public.brand_guidelines
  for each row execute function private.set_updated_at();

alter table public.brand_guidelines enable row level security;
alter table public.brand_guidelines force row level security;

revoke all on table public.brand_guidelines from anon, authenticated, service_role;
grant select, insert, update, delete on table public.brand_guidelines to authenticated;
grant select, insert, update, delete on table public.brand_guidelines to service_role;

create policy "Brand guidelines are viewable by workspace members"
  on public.brand_guidelines for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Brand guidelines can be created by analysts"
  on public.brand_guidelines for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Brand guidelines can be updated by analysts"
  on public.brand_guidelines for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Brand guidelines can be deleted by analysts"
  on public.brand_guidelines for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- content_items
create table public.content_items (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  content_type text not null check (content_type in (
    'copy', 'visual', 'design', 'messaging', 'branding', 'video', 'audio', 'interactive'
  )),
  title text not null check (char_length(title) between 1 and 300),
  body text,
  asset_url text,
  channel text check (channel in (
    'email', 'social', 'search', 'display', 'video', 'web', 'events', 'pr', 'partnerships'
  )),
  status text not null default 'draft' check (status in ('draft', 'in_review', 'approved', 'rejected', 'published', 'archived')),
  quality_score numeric(5,2) check (quality_score between 0 and 100),
  version integer not null default 1 check (version > 0),
  metadata jsonb not null default '{}'::jsonb,
  campaign_id uuid,
  move_id uuid,
  agent_id uuid references public.agent_registry (id) on delete set null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  foreign key (workspace_id, move_id) references public.moves (workspace_id, id) on delete set null (move_id)
);

comment on table public.content_items is 'Content produced for campaigns (8 content types) moving through review, approval and publication.';

create index content_items_workspace_id_created_at_id_idx on public.content_items (workspace_id, created_at, id);
create index content_items_workspace_id_status_created_at_idx on public.content_items (workspace_id, status, created_at);
create index content_items_workspace_id_content_type_idx on public.content_items (workspace_id, content_type);
create index content_items_workspace_id_campaign_id_idx on public.content_items (workspace_id, campaign_id);
create index content_items_workspace_id_move_id_idx on public.content_items (workspace_id, move_id);
create index content_items_agent_id_idx on public.content_items (agent_id);
create index content_items_created_by_idx on public.content_items (created_by);

create trigger set_updated_at before update on public.content_items
  for each row execute function private.set_updated_at();

alter table public.content_items enable row level security;
alter table public.content_items force row level security;

revoke all on table public.content_items from anon, authenticated, service_role;
grant select, insert, update, delete on table public.content_items to authenticated;
grant select, insert, update, delete on table public.content_items to service_role;

create policy "Content items are viewable by workspace members"
  on public.content_items for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Content items can be created by analysts"
  on public.content_items for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Content items can be updated by analysts"
  on public.content_items for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Content items can be deleted by analysts"
  on public.content_items for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- content_reviews
create table public.content_reviews (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  content_item_id uuid not null,
  review_kind text not null default 'quality' check (review_kind in ('quality', 'brand_compliance')),
  score numeric(5,2) not null check (score between 0 and 100),
  quality_level text not null check (quality_level in ('poor', 'fair', 'good', 'excellent', 'outstanding')),
  feedback text,
  strengths jsonb not null default '[]'::jsonb,
  improvements jsonb not null default '[]'::jsonb,
  violations jsonb not null default '[]'::jsonb,
  agent_id uuid references public.agent_registry (id) on delete set null,
  reviewed_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, content_item_id) references public.content_items (workspace_id, id) on delete cascade
);

comment on table public.content_reviews is 'Quality and brand-compliance reviews of content: 0-100 score, quality level, strengths, improvements.';

create index content_reviews_workspace_id_created_at_id_idx on public.content_reviews (workspace_id, created_at, id);
create index content_reviews_workspace_id_content_item_id_created_at_idx on public.content_reviews (workspace_id, content_item_id, created_at);
create index content_reviews_agent_id_idx on public.content_reviews (agent_id);
create index content_reviews_reviewed_by_idx on public.content_reviews (reviewed_by);

create trigger set_updated_at before update on public.content_reviews
  for each row execute function private.set_updated_at();

alter table public.content_reviews enable row level security;
alter table public.content_reviews force row level security;

revoke all on table public.content_reviews from anon, authenticated, service_role;
grant select, insert, update, delete on table public.content_reviews to authenticated;
grant select, insert, update, delete on table public.content_reviews to service_role;

create policy "Content reviews are viewable by workspace members"
  on public.content_reviews for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Content reviews can be created by analysts"
  on public.content_reviews for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Content reviews can be updated by analysts"
  on public.content_reviews for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Content reviews can be deleted by analysts"
  on public.content_reviews for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- consistency_reports
create table public.consistency_reports (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  scope text not null check (scope in ('campaign', 'channel', 'workspace', 'content_set')),
  campaign_id uuid,
  channel text check (channel in (
    'email', 'social', 'search', 'display', 'video', 'web', 'events', 'pr', 'partnerships'
  )),
  consistency_percent numeric(5,2) not null check (consistency_percent between 0 and 100),
  content_item_count integer not null default 0 check (content_item_count >= 0),
  issues jsonb not null default '[]'::jsonb,
  recommendations jsonb not null default '[]'::jsonb,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete cascade
);

comment on table public.consistency_reports is 'Visual and brand consistency across a scope of content, with issues and recommendations.';

create index consistency_reports_workspace_id_created_at_id_idx on public.consistency_reports (workspace_id, created_at, id);
create index consistency_reports_workspace_id_campaign_id_idx on public.consistency_reports (workspace_id, campaign_id);
create index consistency_reports_created_by_idx on public.consistency_reports (created_by);

create trigger set_updated_at before update on public.consistency_reports
  for each row execute function private.set_updated_at();

alter table public.consistency_reports enable row level security;
alter table public.consistency_reports force row level security;

revoke all on table public.consistency_reports from anon, authenticated, service_role;
grant select, insert, update, delete on table public.consistency_reports to authenticated;
grant select, insert, update, delete on table public.consistency_reports to service_role;

create policy "Consistency reports are viewable by workspace members"
  on public.consistency_reports for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Consistency reports can be created by analysts"
  on public.consistency_reports for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Consistency reports can be updated by analysts"
  on public.consistency_reports for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Consistency reports can be deleted by analysts"
  on public.consistency_reports for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- design_feedback
create table public.design_feedback (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  content_item_id uuid not null,
  feedback_type text not null check (feedback_type in (
    'layout', 'color', 'typography', 'imagery', 'copy', 'accessibility', 'brand'
  )),
  severity text not null default 'minor' check (severity in ('info', 'minor', 'major', 'critical')),
  feedback text not null,
  suggestions jsonb not null default '[]'::jsonb,
  status text not null default 'open' check (status in ('open', 'addressed', 'dismissed')),
  agent_id uuid references public.agent_registry (id) on delete set null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, content_item_id) references public.content_items (workspace_id, id) on delete cascade
);

comment on table public.design_feedback is 'Constructive design feedback on a content item, by type and severity.';

create index design_feedback_workspace_id_created_at_id_idx on public.design_feedback (workspace_id, created_at, id);
create index design_feedback_workspace_id_content_item_id_idx on public.design_feedback (workspace_id, content_item_id);
create index design_feedback_agent_id_idx on public.design_feedback (agent_id);
create index design_feedback_created_by_idx on public.design_feedback (created_by);

create trigger set_updated_at before update on public.design_feedback
  for each row execute function private.set_updated_at();

alter table public.design_feedback enable row level security;
alter table public.design_feedback force row level security;

revoke all on table public.design_feedback from anon, authenticated, service_role;
grant select, insert, update, delete on table public.design_feedback to authenticated;
grant select, insert, update, delete on table public.design_feedback to service_role;

create policy "Design feedback is viewable by workspace members"
  on public.design_feedback for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Design feedback can be created by analysts"
  on public.design_feedback for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Design feedback can be updated by analysts"
  on public.design_feedback for update to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'))
  with check (private.has_workspace_role(workspace_id, 'analyst'));
create policy "Design feedback can be deleted by analysts"
  on public.design_feedback for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'analyst'));

-- approval_workflows
create table public.approval_workflows (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  content_item_id uuid not null,
  status text not null default 'pending' check (status in ('pending', 'in_review', 'approved', 'rejected', 'changes_requested')),
  threshold numeric(5,2) not null default 75 check (threshold between 0 and 100),
  score numeric(5,2) check (score between 0 and 100),
  review_id uuid,
  requested_by uuid references auth.users (id) on delete set null,
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  decision_notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, content_item_id) references public.content_items (workspace_id, id) on delete cascade,
  foreign key (workspace_id, review_id) references public.content_reviews (workspace_id, id) on delete set null (review_id)
);

comment on table public.approval_workflows is 'Approval of content against a quality threshold (75 by default); decided by the Aesthete''s operators.';

create index approval_workflows_workspace_id_created_at_id_idx on public.approval_workflows (workspace_id, created_at, id);
create index approval_workflows_workspace_id_status_created_at_idx on public.approval_workflows (workspace_id, status, created_at);
create index approval_workflows_workspace_id_content_item_id_idx on public.approval_workflows (workspace_id, content_item_id);
create index approval_workflows_workspace_id_review_id_idx on public.approval_workflows (workspace_id, review_id);
create index approval_workflows_requested_by_idx on public.approval_workflows (requested_by);
create index approval_workflows_decided_by_idx on public.approval_workflows (decided_by);

create trigger set_updated_at before update on public.approval_workflows
  for each row execute function private.set_updated_at();

alter table public.approval_workflows enable row level security;
alter table public.approval_workflows force row level security;

revoke all on table public.approval_workflows from anon, authenticated, service_role;
grant select, insert, update, delete on table public.approval_workflows to authenticated;
grant select, insert, update, delete on table public.approval_workflows to service_role;

create policy "Approval workflows are viewable by workspace members"
  on public.approval_workflows for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Approval workflows can be created by lord operators"
  on public.approval_workflows for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Approval workflows can be updated by lord operators"
  on public.approval_workflows for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Approval workflows can be deleted by lord operators"
  on public.approval_workflows for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));
