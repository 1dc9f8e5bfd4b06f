-- Herald Lord.
--
-- Message templates, notifications to members, subscriptions and the communication log.
-- Recipients see and mark their own notifications; lord operators manage everyone's.
--
-- Every table: row-level security enabled and forced; anon is granted nothing, authenticated
-- exactly the operations its policies allow, service_role select/insert/update/delete.

-- message_templates
create table public.message_templates (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  channel text not null check (channel in ('email', 'slack', 'in_app', 'sms')),
  subject_template text,
  body_template text not null,
  variables jsonb not null default '[]'::jsonb,
  is_active boolean not null default true,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, name, channel),
  unique (workspace_id, id)
);

comment on table public.message_templates is 'Herald message templates per channel with their variables.';

create index message_templates_workspace_id_created_at_id_idx on public.message_templates (workspace_id, created_at, id);
create index message_templates_created_by_idx on public.message_templates (created_by);

create trigger set_updated_at before update on public.message_templates
  for each row execute function private.set_updated_at();

alter table public.message_templates enable row level security;
alter table public.message_templates force row level security;

revoke all on table public.message_templates from anon, authenticated, service_role;
grant select, insert, update, delete on table public.message_templates to authenticated;
grant select, insert, update, delete on table public.message_templates to service_role;

create policy "Message templates are viewable by workspace members"
  on public.message_templates for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Message templates can be created by lord operators"
  on public.message_templates for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Message templates can be updated by lord operators"
  on public.message_templates for update to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'))
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Message templates can be deleted by lord operators"
  on public.message_templates for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- notifications
create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  channel text not null check (channel in ('email', 'slack', 'in_app', 'sms')),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'critical')),
  status text not null default 'pending' check (status in ('pending', 'queued', 'sent', 'delivered', 'failed', 'read')),
  subject text,
  body text not null,
  data jsonb not null default '{}'::jsonb,
  template_id uuid,
  event_id uuid,
  sent_at timestamptz,
  read_at timestamptz,
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, template_id) references public.message_templates (workspace_id, id) on delete set null (template_id),
  foreign key (workspace_id, event_id) references public.events (workspace_id, id) on delete set null (event_id)
);

comment on table public.notifications is 'Notifications to one workspace member on one channel (email, Slack, in-app, SMS) and their delivery state.';

create index notifications_workspace_id_created_at_id_idx on public.notifications (workspace_id, created_at, id);
create index notifications_workspace_id_user_id_created_at_idx on public.notifications (workspace_id, user_id, created_at);
create index notifications_workspace_id_status_idx on public.notifications (workspace_id, status);
create index notifications_workspace_id_template_id_idx on public.notifications (workspace_id, template_id);
create index notifications_workspace_id_event_id_idx on public.notifications (workspace_id, event_id);
create index notifications_user_id_idx on public.notifications (user_id);

create trigger set_updated_at before update on public.notifications
  for each row execute function private.set_updated_at();

alter table public.notifications enable row level security;
alter table public.notifications force row level security;

revoke all on table public.notifications from anon, authenticated, service_role;
grant select, insert, delete on table public.notifications to authenticated;
-- Recipients mark notifications read; content and delivery details are the service role's.
grant update (status, read_at) on table public.notifications to authenticated;
grant select, insert, update, delete on table public.notifications to service_role;

create policy "Notifications are viewable by recipients and lord operators"
  on public.notifications for select to authenticated
  using (
    private.is_workspace_member(workspace_id)
    and (user_id = (select auth.uid()) or private.has_workspace_role(workspace_id, 'lord_operator'))
  );
create policy "Notifications can be created by lord operators"
  on public.notifications for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
create policy "Notifications can be updated by recipients and lord operators"
  on public.notifications for update to authenticated
  using (
    private.is_workspace_member(workspace_id)
    and (user_id = (select auth.uid()) or private.has_workspace_role(workspace_id, 'lord_operator'))
  )
  with check (
    private.is_workspace_member(workspace_id)
    and (user_id = (select auth.uid()) or private.has_workspace_role(workspace_id, 'lord_operator'))
  );
create policy "Notifications can be deleted by lord operators"
  on public.notifications for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'lord_operator'));

-- subscriptions
create table public.subscriptions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  topic text not null check (topic ~ '^[a-z_]+(\.([a-z_]+|\*))?$'),
  channel text not null check (channel in ('email', 'slack', 'in_app', 'sms')),
  is_active boolean not null default true,
  filters jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, user_id, topic, channel)
);

comment on table public.subscriptions is 'What a member is subscribed to (an event type, a pattern like campaign.* or a channel) and how.';

create index subscriptions_workspace_id_created_at_id_idx on public.subscriptions (workspace_id, created_at, id);
create index subscriptions_user_id_idx on public.subscriptions (user_id);

create trigger set_updated_at before update on public.subscriptions
  for each row execute function private.set_updated_at();

alter table public.subscriptions enable row level security;
alter table public.subscriptions force row level security;

revoke all on table public.subscriptions from anon, authenticated, service_role;
grant select, insert, update, delete on table public.subscriptions to authenticated;
grant select, insert, update, delete on table public.subscriptions to service_role;

create policy "Subscriptions are viewable by owners and lord operators"
  on public.subscriptions for select to authenticated
  using (
    private.is_workspace_member(workspace_id)
    and (user_id = (select auth.uid()) or private.has_workspace_role(workspace_id, 'lord_operator'))
  );
create policy "Subscriptions can be created by owners and lord operators"
  on public.subscriptions for insert to authenticated
  with check (
    private.is_workspace_member(workspace_id)
    and (user_id = (select auth.uid()) or private.has_workspace_role(workspace_id, 'lord_operator'))
  );
create policy "Subscriptions can be updated by owners and lord operators"
  on public.subscriptions for update to authenticated
  using (
    private.is_workspace_member(workspace_id)
    and (user_id = (select auth.uid()) or private.has_workspace_role(workspace_id, 'lord_operator'))
  )
  with check (
    private.is_workspace_member(workspace_id)
    and (user_id = (select auth.uid()) or private.has_workspace_role(workspace_id, 'lord_operator'))
  );
create policy "Subscriptions can be deleted by owners and lord operators"
  on public.subscriptions for delete to authenticated
  using (
    private.is_workspace_member(workspace_id)
    and (user_id = (select auth.uid()) or private.has_workspace_role(workspace_id, 'lord_operator'))
  );

-- communication_log
create table public.communication_log (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  notification_id uuid,
  channel text not null check (channel in ('email', 'slack', 'in_app', 'sms')),
  kind text not null default 'notification' check (kind in ('notification', 'broadcast', 'digest')),
  direction text not null default 'outbound' check (direction in ('outbound', 'inbound')),
  recipient text not null,
  subject text,
  status text not null check (status in ('sent', 'delivered', 'failed', 'bounced', 'opened')),
  provider text check (provider ~ '^[a-z0-9_]+$'),
  provider_message_id text,
  error text,
  payload jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, notification_id) references public.notifications (workspace_id, id) on delete set null (notification_id)
);

comment on table public.communication_log is 'Every message the Herald sent or received, per channel, with provider ids and delivery status.';

create index communication_log_workspace_id_created_at_id_idx on public.communication_log (workspace_id, created_at, id);
create index communication_log_workspace_id_channel_created_at_idx on public.communication_log (workspace_id, channel, created_at);
create index communication_log_workspace_id_notification_id_idx on public.communication_log (workspace_id, notification_id);

create trigger set_updated_at before update on public.communication_log
  for each row execute function private.set_updated_at();

alter table public.communication_log enable row level security;
alter table public.communication_log force row level security;

revoke all on table public.communication_log from anon, authenticated, service_role;
grant select, insert on table public.communication_log to authenticated;
grant select, insert, update, delete on table public.communication_log to service_role;

create policy "Communication log entries are viewable by workspace members"
  on public.communication_log for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Communication log entries can be created by lord operators"
  on public.communication_log for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'lord_operator'));
