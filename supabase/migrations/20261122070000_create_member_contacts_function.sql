-- Where the Herald reaches a workspace member: the addresses its delivery consumer needs.
--
-- Email addresses and phone numbers live in auth.users, which neither API role may read. This
-- helper returns them only for members of the given workspace, and only to service_role (the
-- QStash delivery consumer), so it can never be used to look up arbitrary users. A Slack
-- member id, when the member set one, comes from their profile preferences.

create function private.member_contacts(workspace_id uuid, user_ids uuid[])
returns table (user_id uuid, email text, phone text, display_name text, slack_user_id text)
language sql
stable
security definer
set search_path = ''
as $$
  select m.user_id,
         u.email::text,
         u.phone::text,
         p.display_name,
         nullif(p.preferences ->> 'slack_user_id', '')
  from public.workspace_members m
  join auth.users u on u.id = m.user_id
  left join public.user_profiles p on p.user_id = m.user_id
  where m.workspace_id = member_contacts.workspace_id
    and m.user_id = any (member_contacts.user_ids)
$$;

comment on function private.member_contacts(uuid, uuid[]) is
  'Email, phone, display name and Slack id of the given users that are members of the workspace (Herald delivery).';

revoke all on function private.member_contacts(uuid, uuid[]) from public;
grant execute on function private.member_contacts(uuid, uuid[]) to service_role;
