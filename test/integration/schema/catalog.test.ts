import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES } from "../../../shared/auth/permissions.ts";
import { CHANNELS, EVENT_TYPES } from "../../../shared/events/catalogue.ts";
import { publicTables, rolledBack, tenantTables, testSql, WORKSPACES } from "../../helpers/db.ts";

// Schema facts read from the catalog of the migrated test database. Every check covers all
// public tables, so a table added by a later migration is held to the same rules.
const sql = testSql();

// Column names that always hold one of a fixed set of values and so need a check constraint.
const ENUM_LIKE =
  /^(status|severity|priority|role|channel|kind|category|method|direction|scope|plan|provider|lord|namespace)$|_(type|level|kind|role|provider|lord|status)$/;

describe("schema catalog", () => {
  it("has at least 59 tables in public, 85 foreign keys and 33 policies", async () => {
    const [counts] = await sql<{ tables: number; foreign_keys: number; policies: number }[]>`
      select
        (select count(*)::int from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')) as tables,
        (select count(*)::int from pg_constraint where connamespace = 'public'::regnamespace and contype = 'f') as foreign_keys,
        (select count(*)::int from pg_policies where schemaname = 'public') as policies`;
    expect(counts?.tables).toBeGreaterThanOrEqual(59);
    expect(counts?.foreign_keys).toBeGreaterThanOrEqual(85);
    expect(counts?.policies).toBeGreaterThanOrEqual(33);
  });

  it("enables and forces row-level security on every public table", async () => {
    const rows = await sql<{ name: string }[]>`
      select relname as name from pg_class
      where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')
        and not (relrowsecurity and relforcerowsecurity)`;
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("leaves no public table without a policy", async () => {
    const rows = await sql<{ name: string }[]>`
      select c.relname as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and not exists (select 1 from pg_policy p where p.polrelid = c.oid)`;
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("writes policies for authenticated only, one per table and operation, never FOR ALL", async () => {
    const notAuthenticated = await sql<{ policy: string }[]>`
      select tablename || ': ' || policyname as policy from pg_policies
      where schemaname = 'public' and (roles <> '{authenticated}' or cmd = 'ALL' or permissive <> 'PERMISSIVE')`;
    const duplicated = await sql<{ policy: string }[]>`
      select tablename || ' ' || cmd as policy from pg_policies
      where schemaname = 'public' group by tablename, cmd having count(*) > 1`;
    expect(notAuthenticated.map((row) => row.policy)).toEqual([]);
    expect(duplicated.map((row) => row.policy)).toEqual([]);
  });

  it("grants anon nothing on any public table", async () => {
    const rows = await sql<{ name: string }[]>`
      select c.relname as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger')`;
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("gives every table a uuid primary key defaulting to gen_random_uuid()", async () => {
    const rows = await sql<{ name: string }[]>`
      select c.relname as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and not exists (
          select 1 from pg_constraint k
          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
          join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
          where k.conrelid = c.oid and k.contype = 'p' and cardinality(k.conkey) = 1
            and a.attname = 'id' and a.atttypid = 'uuid'::regtype
            and pg_get_expr(d.adbin, d.adrelid) = 'gen_random_uuid()'
        )`;
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("keeps created_at and updated_at on every table, maintained by the set_updated_at trigger", async () => {
    const rows = await sql<{ name: string }[]>`
      select c.relname as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and (
          (select count(*) from pg_attribute a
           where a.attrelid = c.oid and a.attname in ('created_at', 'updated_at')
             and a.atttypid = 'timestamptz'::regtype and a.attnotnull and a.atthasdef) <> 2
          or not exists (
            select 1 from pg_trigger t
            where t.tgrelid = c.oid and t.tgfoid = 'private.set_updated_at()'::regprocedure and not t.tgisinternal
          )
        )`;
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("comments every table", async () => {
    const rows = await sql<{ name: string }[]>`
      select relname as name from pg_class
      where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')
        and coalesce(obj_description(oid, 'pg_class'), '') = ''`;
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("puts a non-null workspace_id, cascading from workspaces, on every tenant table", async () => {
    const tenant = await tenantTables(sql);
    const rows = await sql<{ name: string }[]>`
      select c.relname as name from pg_class c
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'workspace_id'
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and (
          not a.attnotnull or a.atttypid <> 'uuid'::regtype
          or not exists (
            select 1 from pg_constraint k
            where k.conrelid = c.oid and k.contype = 'f' and k.confrelid = 'public.workspaces'::regclass
              and k.conkey = array[a.attnum] and k.confdeltype = 'c'
          )
        )`;
    expect(tenant.length).toBeGreaterThanOrEqual(55);
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("indexes every foreign key by its leading columns", async () => {
    const rows = await sql<{ fk: string }[]>`
      select k.conrelid::regclass::text || ' ' || k.conname as fk
      from pg_constraint k
      where k.connamespace = 'public'::regnamespace and k.contype = 'f'
        and not exists (
          select 1 from pg_index i
          where i.indrelid = k.conrelid
            and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(k.conkey)] @> k.conkey
            and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(k.conkey)] <@ k.conkey
        )`;
    expect(rows.map((row) => row.fk)).toEqual([]);
  });

  it("constrains every enum-like column (statuses, severities, priorities, types, channels…) with a check", async () => {
    const columns = await sql<{ table: string; column: string; checked: boolean }[]>`
      select c.relname as "table", a.attname as "column",
             exists (select 1 from pg_constraint k
                     where k.conrelid = c.oid and k.contype = 'c' and a.attnum = any(k.conkey)) as checked
      from pg_class c
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and a.atttypid = 'text'::regtype`;
    const enumLike = columns.filter((row) => ENUM_LIKE.test(row.column));
    expect(enumLike.length).toBeGreaterThan(100);
    expect(enumLike.filter((row) => !row.checked).map((row) => `${row.table}.${row.column}`)).toEqual([]);
  });

  it("uses no array columns (shared/db connects with fetch_types off, so arrays would arrive unparsed)", async () => {
    const rows = await sql<{ column: string }[]>`
      select table_name || '.' || column_name as column from information_schema.columns
      where table_schema = 'public' and data_type = 'ARRAY'`;
    expect(rows.map((row) => row.column)).toEqual([]);
  });

  it("defines the membership helpers as security definer with an empty search_path, not executable by anon", async () => {
    const helpers = await sql<
      { name: string; definer: boolean; empty_path: boolean; anon: boolean; owner_bypasses: boolean }[]
    >`
      select p.oid::regprocedure::text as name, p.prosecdef as definer,
             coalesce('search_path=""' = any(p.proconfig), false) as empty_path,
             has_function_privilege('anon', p.oid, 'execute') as anon,
             (r.rolsuper or r.rolbypassrls) as owner_bypasses
      from pg_proc p join pg_roles r on r.oid = p.proowner
      where p.pronamespace = 'private'::regnamespace
      order by 1`;
    const names = helpers.map((helper) => helper.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "private.is_workspace_member(uuid)",
        "private.has_workspace_role(uuid,text)",
        "private.workspace_role(uuid)",
        "private.is_organization_owner(uuid)",
        "private.is_organization_member(uuid)",
        "private.shares_workspace_with(uuid)",
        "private.role_rank(text)",
        "private.set_updated_at()",
      ]),
    );
    for (const helper of helpers) {
      expect(helper.empty_path, helper.name).toBe(true);
      expect(helper.anon, helper.name).toBe(false);
    }
    for (const helper of helpers.filter((h) => h.definer)) expect(helper.owner_bypasses, helper.name).toBe(true);
    expect(helpers.filter((h) => h.definer).map((h) => h.name)).toEqual(
      expect.arrayContaining([
        "private.is_workspace_member(uuid)",
        "private.has_workspace_role(uuid,text)",
        "private.workspace_role(uuid)",
      ]),
    );
  });

  it("creates the Supabase roles and auth helpers, with service_role bypassing RLS", async () => {
    const roles = await sql<{ rolname: string; rolbypassrls: boolean }[]>`
      select rolname, rolbypassrls from pg_roles where rolname in ('anon', 'authenticated', 'service_role') order by 1`;
    expect(roles).toEqual([
      { rolname: "anon", rolbypassrls: false },
      { rolname: "authenticated", rolbypassrls: false },
      { rolname: "service_role", rolbypassrls: true },
    ]);
    const claims = JSON.stringify({
      sub: "0c000000-0000-4000-8000-000000000001",
      role: "authenticated",
      email: "a@b.c",
    });
    const [auth] = await rolledBack(
      sql,
      (tx) => tx<{ uid: string; role: string; email: string; jwt: { role: string } }[]>`
        select set_config('request.jwt.claims', ${claims}, true),
               auth.uid() as uid, auth.role() as role, auth.email() as email, auth.jwt() as jwt`,
    );
    expect(auth).toMatchObject({ uid: "0c000000-0000-4000-8000-000000000001", role: "authenticated", email: "a@b.c" });
    expect(auth?.jwt.role).toBe("authenticated");
  });

  it("accepts every RaptorBus channel and catalogued event type in events, and nothing else", async () => {
    const rows = Object.entries(EVENT_TYPES).map(([eventType, channel]) => ({ channel, event_type: eventType }));
    expect(new Set(rows.map((row) => row.channel))).toEqual(new Set(CHANNELS));
    const inserted = await rolledBack(
      sql,
      (tx) => tx`
        insert into public.events (workspace_id, channel, event_type)
        select ${WORKSPACES.acmeGrowth}, r.channel, r.event_type
        from jsonb_to_recordset(${tx.json(rows)}) as r (channel text, event_type text)`,
    );
    expect(inserted.count).toBe(rows.length);
    await expect(
      rolledBack(
        sql,
        (tx) => tx`insert into public.events (workspace_id, channel, event_type)
                   values (${WORKSPACES.acmeGrowth}, 'guild_broadcast', 'campaign.exploded')`,
      ),
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("mirrors the API permission matrix in role_permissions", async () => {
    const byKey = (a: { role: string; permission: string }, b: { role: string; permission: string }) =>
      `${a.role} ${a.permission}` < `${b.role} ${b.permission}` ? -1 : 1;
    const rows = (
      await sql<{ role: string; permission: string }[]>`select role, permission from public.role_permissions`
    ).map(({ role, permission }) => ({ role, permission }));
    const expected = ROLES.flatMap((role) =>
      Object.entries(PERMISSIONS)
        .filter(([, minimum]) => ROLES.indexOf(role) >= ROLES.indexOf(minimum))
        .map(([permission]) => ({ role, permission })),
    );
    expect(rows.sort(byKey)).toEqual(expected.sort(byKey));
  });

  it("keeps workspace_id off only the identity and global reference tables", async () => {
    const tenant = new Set(await tenantTables(sql));
    const shared = (await publicTables(sql)).filter((table) => !tenant.has(table));
    expect(shared).toEqual([
      "agent_capabilities",
      "agent_registry",
      "guilds",
      "organizations",
      "role_permissions",
      "user_profiles",
      "workspaces",
    ]);
  });
});
