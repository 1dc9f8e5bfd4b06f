-- The private schema holds the helpers row-level security policies call. It is not exposed
-- through the Data API. Membership helpers are security definer so that policies on
-- workspace_members (and everything else) never recurse through workspace_members' own
-- policies; they run with search_path = '' and fully-qualified names, so a caller cannot
-- shadow a table or operator. They must be owned by a role that bypasses RLS (postgres on
-- Supabase, the superuser locally), which is what owning them through migrations gives.
--
-- A request authenticated with an API key carries an api_key_id claim (shared/auth/api-keys.ts):
-- the key then acts with its own role in its own workspace, never with its creator's
-- memberships or personal powers.

create schema if not exists private;

revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- Workspace roles, weakest first: viewer < analyst < lord_operator < admin.
create function private.role_rank(role text)
returns integer
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case role
    when 'viewer' then 1
    when 'analyst' then 2
    when 'lord_operator' then 3
    when 'admin' then 4
  end
$$;

comment on function private.role_rank(text) is
  'Rank of a workspace role (viewer 1 < analyst 2 < lord_operator 3 < admin 4); null for anything else.';

create function private.api_key_id()
returns uuid
language sql
stable
set search_path = ''
as $$
  select nullif((select auth.jwt()) ->> 'api_key_id', '')::uuid
$$;

comment on function private.api_key_id() is
  'The api_key_id claim of the calling request, or null when a signed-in user is calling.';

create function private.current_user_id()
returns uuid
language sql
stable
set search_path = ''
as $$
  select case when private.api_key_id() is null then (select auth.uid()) end
$$;

comment on function private.current_user_id() is
  'auth.uid() for a signed-in user; null when an API key is calling (keys own nothing personally).';

create function private.workspace_role(workspace_id uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  key_id uuid := private.api_key_id();
begin
  if key_id is not null then
    -- A revoked or expired key has no role anywhere.
    return (
      select k.role
      from public.api_keys k
      where k.id = key_id
        and k.workspace_id = workspace_role.workspace_id
        and k.revoked_at is null
        and (k.expires_at is null or k.expires_at > now())
    );
  end if;
  return (
    select m.role
    from public.workspace_members m
    where m.workspace_id = workspace_role.workspace_id
      and m.user_id = (select auth.uid())
  );
end
$$;

comment on function private.workspace_role(uuid) is
  'The caller''s role in the workspace (viewer, analyst, lord_operator, admin), or null: a member''s role, or an API key''s own.';

create function private.is_workspace_member(workspace_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return private.workspace_role(is_workspace_member.workspace_id) is not null;
end
$$;

comment on function private.is_workspace_member(uuid) is
  'True when the caller (a member, or an API key of the workspace) belongs to the workspace in any role.';

create function private.has_workspace_role(workspace_id uuid, min_role text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  -- A misspelt role in a policy must fail loudly rather than silently deny everyone.
  if private.role_rank(min_role) is null then
    raise exception 'unknown workspace role: %', min_role using errcode = '22023';
  end if;
  return coalesce(
    private.role_rank(private.workspace_role(has_workspace_role.workspace_id)) >= private.role_rank(min_role),
    false
  );
end
$$;

comment on function private.has_workspace_role(uuid, text) is
  'True when the caller''s role in the workspace is min_role or stronger.';

create function private.is_organization_owner(organization_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1
    from public.organizations o
    where o.id = is_organization_owner.organization_id
      and o.owner_id = (select private.current_user_id())
  );
end
$$;

comment on function private.is_organization_owner(uuid) is
  'True when the calling user (never an API key) owns the organization.';

create function private.is_organization_member(organization_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return private.is_organization_owner(is_organization_member.organization_id)
    or exists (
      select 1
      from public.workspaces w
      where w.organization_id = is_organization_member.organization_id
        and private.is_workspace_member(w.id)
    );
end
$$;

comment on function private.is_organization_member(uuid) is
  'True when the caller owns the organization or belongs to one of its workspaces.';

create function private.shares_workspace_with(user_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1
    from public.workspace_members theirs
    where theirs.user_id = shares_workspace_with.user_id
      and private.is_workspace_member(theirs.workspace_id)
  );
end
$$;

comment on function private.shares_workspace_with(uuid) is
  'True when the given user belongs to a workspace the caller belongs to.';

-- Keeps updated_at current on every update and created_at as first written.
create function private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.created_at := old.created_at;
  new.updated_at := now();
  return new;
end
$$;

comment on function private.set_updated_at() is
  'Trigger: stamps updated_at on every update and keeps created_at immutable.';

revoke all on function private.role_rank(text) from public;
revoke all on function private.api_key_id() from public;
revoke all on function private.current_user_id() from public;
revoke all on function private.workspace_role(uuid) from public;
revoke all on function private.is_workspace_member(uuid) from public;
revoke all on function private.has_workspace_role(uuid, text) from public;
revoke all on function private.is_organization_owner(uuid) from public;
revoke all on function private.is_organization_member(uuid) from public;
revoke all on function private.shares_workspace_with(uuid) from public;
revoke all on function private.set_updated_at() from public;

grant execute on function private.role_rank(text) to authenticated, service_role;
grant execute on function private.api_key_id() to authenticated, service_role;
grant execute on function private.current_user_id() to authenticated, service_role;
grant execute on function private.workspace_role(uuid) to authenticated, service_role;
grant execute on function private.is_workspace_member(uuid) to authenticated, service_role;
grant execute on function private.has_workspace_role(uuid, text) to authenticated, service_role;
grant execute on function private.is_organization_owner(uuid) to authenticated, service_role;
grant execute on function private.is_organization_member(uuid) to authenticated, service_role;
grant execute on function private.shares_workspace_with(uuid) to authenticated, service_role;
