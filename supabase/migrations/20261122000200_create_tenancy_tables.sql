-- Tenancy and identity.
--
-- Organizations own workspaces; workspace_members gives each user one role per workspace
-- (viewer < analyst < lord_operator < admin). Admins manage members, invitations and API keys;
-- the organization owner creates and deletes workspaces. Profiles hang off auth.users.
--
-- Every table: row-level security enabled and forced; anon is granted nothing, authenticated
-- exactly the operations its policies allow, service_role select/insert/update/delete.

-- organizations
create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  owner_id uuid not null references auth.users (id) on delete restrict,
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.organizations is 'Customer organizations; each owns workspaces. The owner manages the organization itself.';

create index organizations_owner_id_idx on public.organizations (owner_id);

create trigger set_updated_at before update on public.organizations
  for each row execute function private.set_updated_at();

alter table public.organizations enable row level security;
alter table public.organizations force row level security;

revoke all on table public.organizations from anon, authenticated, service_role;
grant select, insert, delete on table public.organizations to authenticated;
-- Ownership moves through the service role, not a client update.
grant update (name, slug, settings) on table public.organizations to authenticated;
grant select, insert, update, delete on table public.organizations to service_role;

create policy "Organizations are viewable by their owner and members"
  on public.organizations for select to authenticated
  using (owner_id = (select private.current_user_id()) or private.is_organization_member(id));
create policy "Organizations can be created by their owner"
  on public.organizations for insert to authenticated
  with check (owner_id = (select private.current_user_id()));
create policy "Organizations can be updated by their owner"
  on public.organizations for update to authenticated
  using (owner_id = (select private.current_user_id()))
  with check (owner_id = (select private.current_user_id()));
create policy "Organizations can be deleted by their owner"
  on public.organizations for delete to authenticated
  using (owner_id = (select private.current_user_id()));

-- workspaces
create table public.workspaces (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  description text,
  plan text not null default 'free' check (plan in ('free', 'pro', 'enterprise')),
  settings jsonb not null default '{}'::jsonb,
  archived_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.workspaces is 'Tenants: every tenant-owned row carries a workspace_id. Plan drives rate limits; archived workspaces are read-only to the API.';

create index workspaces_organization_id_idx on public.workspaces (organization_id);
create index workspaces_created_by_idx on public.workspaces (created_by);

create trigger set_updated_at before update on public.workspaces
  for each row execute function private.set_updated_at();

alter table public.workspaces enable row level security;
alter table public.workspaces force row level security;

revoke all on table public.workspaces from anon, authenticated, service_role;
grant select, insert, delete on table public.workspaces to authenticated;
-- plan is billing state and organization_id is fixed: only the service role changes them.
grant update (name, slug, description, settings, archived_at) on table public.workspaces to authenticated;
grant select, insert, update, delete on table public.workspaces to service_role;

create policy "Workspaces are viewable by members and the organization owner"
  on public.workspaces for select to authenticated
  using (private.is_workspace_member(id) or private.is_organization_owner(organization_id));
create policy "Workspaces can be created by the organization owner"
  on public.workspaces for insert to authenticated
  with check (private.is_organization_owner(organization_id) and created_by = (select private.current_user_id()));
create policy "Workspaces can be updated by admins"
  on public.workspaces for update to authenticated
  using (private.has_workspace_role(id, 'admin'))
  with check (private.has_workspace_role(id, 'admin'));
create policy "Workspaces can be deleted by the organization owner"
  on public.workspaces for delete to authenticated
  using (private.is_organization_owner(organization_id));

-- workspace_members
create table public.workspace_members (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'viewer' check (role in ('viewer', 'analyst', 'lord_operator', 'admin')),
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, user_id)
);

comment on table public.workspace_members is 'Who belongs to a workspace and in which role: viewer < analyst < lord_operator < admin. Read by the private membership helpers.';

create index workspace_members_workspace_id_created_at_id_idx on public.workspace_members (workspace_id, created_at, id);
create index workspace_members_user_id_idx on public.workspace_members (user_id);
create index workspace_members_invited_by_idx on public.workspace_members (invited_by);

create trigger set_updated_at before update on public.workspace_members
  for each row execute function private.set_updated_at();

alter table public.workspace_members enable row level security;
alter table public.workspace_members force row level security;

revoke all on table public.workspace_members from anon, authenticated, service_role;
grant select, insert, delete on table public.workspace_members to authenticated;
-- A membership changes role; moving it to another user or workspace is a delete and an insert.
grant update (role) on table public.workspace_members to authenticated;
grant select, insert, update, delete on table public.workspace_members to service_role;

create policy "Workspace members are viewable by workspace members"
  on public.workspace_members for select to authenticated
  using (private.is_workspace_member(workspace_id));
create policy "Workspace members can be added by admins"
  on public.workspace_members for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'admin'));
create policy "Workspace member roles can be changed by admins"
  on public.workspace_members for update to authenticated
  using (private.has_workspace_role(workspace_id, 'admin'))
  with check (private.has_workspace_role(workspace_id, 'admin'));
create policy "Workspace members can be removed by admins or leave"
  on public.workspace_members for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'admin') or user_id = (select auth.uid()));

-- Whoever creates a workspace becomes its first admin. Security definer: the creator is not
-- yet a member, so the insert could not pass workspace_members' own policies.
create function private.add_workspace_creator()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.created_by is not null then
    insert into public.workspace_members (workspace_id, user_id, role)
    values (new.id, new.created_by, 'admin')
    on conflict (workspace_id, user_id) do nothing;
  end if;
  return null;
end
$$;

comment on function private.add_workspace_creator() is
  'Trigger: adds the creator of a workspace as its first admin.';

revoke all on function private.add_workspace_creator() from public;

create trigger add_workspace_creator after insert on public.workspaces
  for each row execute function private.add_workspace_creator();

-- A workspace always keeps an admin, or nobody could manage its members again. Deleting the
-- workspace itself is exempt: its members go with it, after the workspace row is gone.
create function private.keep_one_workspace_admin()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.role = 'admin'
    and (tg_op = 'DELETE' or new.role <> 'admin' or new.workspace_id <> old.workspace_id)
  then
    -- Serialises concurrent demotions of the last two admins.
    perform 1 from public.workspaces w where w.id = old.workspace_id for update;
    if found and not exists (
      select 1
      from public.workspace_members m
      where m.workspace_id = old.workspace_id
        and m.role = 'admin'
        and m.id <> old.id
    ) then
      raise exception 'workspace % must keep at least one admin', old.workspace_id
        using errcode = '23514';
    end if;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$;

comment on function private.keep_one_workspace_admin() is
  'Trigger: refuses to remove or demote the last admin of a workspace.';

revoke all on function private.keep_one_workspace_admin() from public;

create trigger keep_one_workspace_admin before update of role, workspace_id or delete on public.workspace_members
  for each row execute function private.keep_one_workspace_admin();

-- role_permissions
create table public.role_permissions (
  id uuid primary key default gen_random_uuid(),
  role text not null check (role in ('viewer', 'analyst', 'lord_operator', 'admin')),
  permission text not null check (permission ~ '^[a-z_]+:[a-z_]+$'),
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (role, permission)
);

comment on table public.role_permissions is 'Reference data: which workspace role holds which API permission (stronger roles inherit). Mirrors shared/auth/permissions.ts.';

create trigger set_updated_at before update on public.role_permissions
  for each row execute function private.set_updated_at();

alter table public.role_permissions enable row level security;
alter table public.role_permissions force row level security;

revoke all on table public.role_permissions from anon, authenticated, service_role;
grant select on table public.role_permissions to authenticated;
grant select, insert, update, delete on table public.role_permissions to service_role;

create policy "Role permissions are viewable by authenticated users"
  on public.role_permissions for select to authenticated
  using (true);

-- user_profiles
create table public.user_profiles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references auth.users (id) on delete cascade,
  display_name text check (char_length(display_name) <= 200),
  avatar_url text,
  timezone text not null default 'UTC',
  locale text not null default 'en',
  default_workspace_id uuid references public.workspaces (id) on delete set null,
  preferences jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.user_profiles is 'Display data for auth.users: visible to the user and to people who share a workspace with them.';

create index user_profiles_default_workspace_id_idx on public.user_profiles (default_workspace_id);

create trigger set_updated_at before update on public.user_profiles
  for each row execute function private.set_updated_at();

alter table public.user_profiles enable row level security;
alter table public.user_profiles force row level security;

revoke all on table public.user_profiles from anon, authenticated, service_role;
grant select, insert, update, delete on table public.user_profiles to authenticated;
grant select, insert, update, delete on table public.user_profiles to service_role;

create policy "Profiles are viewable by their owner and co-members"
  on public.user_profiles for select to authenticated
  using (user_id = (select auth.uid()) or private.shares_workspace_with(user_id));
create policy "Profiles can be created by their owner"
  on public.user_profiles for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "Profiles can be updated by their owner"
  on public.user_profiles for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "Profiles can be deleted by their owner"
  on public.user_profiles for delete to authenticated
  using (user_id = (select auth.uid()));

-- invitations
create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  email text not null check (email = lower(email) and email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  role text not null default 'viewer' check (role in ('viewer', 'analyst', 'lord_operator', 'admin')),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz not null default (now() + interval '7 days'),
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.invitations is 'Pending invitations to a workspace. Only the SHA-256 of the invitation token is stored.';
comment on column public.invitations.token_hash is 'SHA-256 (hex) of the invitation token; the token itself is only ever sent.';

create index invitations_workspace_id_created_at_id_idx on public.invitations (workspace_id, created_at, id);
create unique index invitations_pending_email_key on public.invitations (workspace_id, email) where accepted_at is null and revoked_at is null;
create index invitations_invited_by_idx on public.invitations (invited_by);
create index invitations_accepted_by_idx on public.invitations (accepted_by);

create trigger set_updated_at before update on public.invitations
  for each row execute function private.set_updated_at();

alter table public.invitations enable row level security;
alter table public.invitations force row level security;

revoke all on table public.invitations from anon, authenticated, service_role;
grant select, insert, update, delete on table public.invitations to authenticated;
grant select, insert, update, delete on table public.invitations to service_role;

create policy "Invitations are viewable by admins"
  on public.invitations for select to authenticated
  using (private.has_workspace_role(workspace_id, 'admin'));
create policy "Invitations can be created by admins"
  on public.invitations for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'admin'));
create policy "Invitations can be updated by admins"
  on public.invitations for update to authenticated
  using (private.has_workspace_role(workspace_id, 'admin'))
  with check (private.has_workspace_role(workspace_id, 'admin'));
create policy "Invitations can be deleted by admins"
  on public.invitations for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'admin'));

-- api_keys
create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  prefix text not null check (char_length(prefix) between 4 and 32),
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  role text not null default 'analyst' check (role in ('viewer', 'analyst', 'lord_operator', 'admin')),
  created_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.api_keys is 'Service API keys of a workspace. key_hash is the SHA-256 (hex) of the secret; prefix identifies the key in lists and logs.';

create index api_keys_workspace_id_created_at_id_idx on public.api_keys (workspace_id, created_at, id);
create index api_keys_created_by_idx on public.api_keys (created_by);

create trigger set_updated_at before update on public.api_keys
  for each row execute function private.set_updated_at();

alter table public.api_keys enable row level security;
alter table public.api_keys force row level security;

revoke all on table public.api_keys from anon, authenticated, service_role;
grant select, insert, delete on table public.api_keys to authenticated;
-- The hash, prefix and role of a key never change; last_used_at is the service role's.
grant update (name, expires_at, revoked_at) on table public.api_keys to authenticated;
grant select, insert, update, delete on table public.api_keys to service_role;

create policy "API keys are viewable by admins"
  on public.api_keys for select to authenticated
  using (private.has_workspace_role(workspace_id, 'admin'));
create policy "API keys can be created by admins"
  on public.api_keys for insert to authenticated
  with check (private.has_workspace_role(workspace_id, 'admin'));
create policy "API keys can be updated by admins"
  on public.api_keys for update to authenticated
  using (private.has_workspace_role(workspace_id, 'admin'))
  with check (private.has_workspace_role(workspace_id, 'admin'));
create policy "API keys can be deleted by admins"
  on public.api_keys for delete to authenticated
  using (private.has_workspace_role(workspace_id, 'admin'));
