import { beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "../../../shared/db/database.ts";
import {
  type Attempt,
  asAnon,
  asUserRolledBack,
  attempt,
  denied,
  INSUFFICIENT_PRIVILEGE,
  inSavepoint,
  insertableColumns,
  insertCopy,
  ORGANIZATIONS,
  publicTables,
  type SeedUser,
  tenantTables,
  testSql,
  USERS,
  WORKSPACES,
} from "../../helpers/db.ts";

// The attacker's view: for every tenant table (found in the catalog, so a new table is covered
// without touching this file), users outside acme-growth try to read, write, change and delete
// its rows. The seed guarantees acme-growth has a row in every tenant table.
const sql = testSql();
const VICTIM = WORKSPACES.acmeGrowth;

interface Target {
  table: string;
  columns: string[];
  /** The probe column an update sets to itself: one the authenticated role may update, if any. */
  updatable: string;
  row: Record<string, unknown> & { id: string };
}

let targets: Target[] = [];

beforeAll(async () => {
  const tables = await tenantTables(sql);
  targets = await Promise.all(
    tables.map(async (table) => {
      const [found] = await sql<{ row: Record<string, unknown> & { id: string } }[]>`
        select to_jsonb(t) as row from ${sql(`public.${table}`)} t
        where workspace_id = ${VICTIM} order by created_at, id limit 1`;
      if (!found) throw new Error(`supabase/seed.sql has no acme-growth row in ${table}`);
      const [grant] = await sql<{ column: string }[]>`
        select column_name as column from information_schema.column_privileges
        where table_schema = 'public' and table_name = ${table}
          and grantee = 'authenticated' and privilege_type = 'UPDATE'
        order by column_name = 'updated_at' desc, column_name limit 1`;
      return {
        table,
        columns: await insertableColumns(sql, table),
        updatable: grant?.column ?? "updated_at",
        row: found.row,
      };
    }),
  );
});

/** Every way a caller can touch one target row, each in its own savepoint. */
async function probe(tx: Tx, target: Target) {
  const table = `public.${target.table}`;
  return inSavepoint(tx, async (sp) => {
    const [visible] = await sp<{ n: number }[]>`
      select count(*)::int as n from ${sp(table)} where workspace_id = ${VICTIM} or id = ${target.row.id}`;
    const update = await attempt(
      sp,
      (s) => s`update ${s(table)} set ${s(target.updatable)} = ${s(target.updatable)} where id = ${target.row.id}`,
    );
    const insert = await attempt(sp, (s) => insertCopy(s, target.table, target.columns, target.row));
    const remove = await attempt(sp, (s) => s`delete from ${s(table)} where id = ${target.row.id}`);
    return { visible: visible?.n ?? 0, update, insert, remove };
  });
}

function describeAttempt(result: Attempt): string {
  return result.ok ? `affected ${result.count} row(s)` : `failed ${result.code}: ${result.message}`;
}

/** Runs every probe as `user` and lists what got through. */
async function breaches(user: SeedUser): Promise<string[]> {
  return asUserRolledBack(sql, user, async (tx) => {
    const found: string[] = [];
    for (const target of targets) {
      const result = await probe(tx, target);
      if (result.visible > 0) found.push(`${target.table}: read ${result.visible} row(s)`);
      if (!denied(result.update)) found.push(`${target.table}: update ${describeAttempt(result.update)}`);
      if (!denied(result.remove)) found.push(`${target.table}: delete ${describeAttempt(result.remove)}`);
      // An insert must be refused by privileges or RLS; any other failure means RLS let it through.
      if (result.insert.ok || result.insert.code !== INSUFFICIENT_PRIVILEGE) {
        found.push(`${target.table}: insert ${describeAttempt(result.insert)}`);
      }
    }
    return found;
  });
}

describe("tenant isolation", () => {
  it("covers every tenant table", () => {
    expect(targets.length).toBeGreaterThanOrEqual(55);
  });

  it("lets the victim workspace's admin see its rows (the probes are not vacuous)", async () => {
    const hidden = await asUserRolledBack(sql, USERS.alice, async (tx) => {
      const missing: string[] = [];
      for (const target of targets) {
        const result = await probe(tx, target);
        if (result.visible === 0) missing.push(target.table);
      }
      return missing;
    });
    expect(hidden).toEqual([]);
  });

  it("keeps an admin of another organization out of every tenant table", async () => {
    expect(await breaches(USERS.gina)).toEqual([]);
  });

  it("keeps an admin of another workspace in the same organization out of every tenant table", async () => {
    expect(await breaches(USERS.bruno)).toEqual([]);
  });

  it("keeps a signed-in user without any workspace out of every tenant table", async () => {
    expect(await breaches(USERS.nina)).toEqual([]);
  });

  it("does not let a user move their own rows into another workspace", async () => {
    const moved = await asUserRolledBack(sql, USERS.gina, (tx) =>
      attempt(
        tx,
        (sp) =>
          sp`update public.campaigns set workspace_id = ${VICTIM} where workspace_id = ${WORKSPACES.globexLaunch}`,
      ),
    );
    expect(moved).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
  });

  it("does not let a row in one workspace reference a row of another", async () => {
    const [campaign] = await sql<{ id: string }[]>`
      select id from public.campaigns where workspace_id = ${VICTIM} limit 1`;
    const linked = await asUserRolledBack(sql, USERS.gina, (tx) =>
      attempt(
        tx,
        (sp) => sp`insert into public.moves (workspace_id, campaign_id, name, move_type)
                   values (${WORKSPACES.globexLaunch}, ${campaign!.id}, 'Hijack', 'pr')`,
      ),
    );
    expect(linked).toMatchObject({ ok: false, code: "23503" });
  });

  it("hides other organizations, workspaces and profiles from outsiders", async () => {
    const seen = await asUserRolledBack(sql, USERS.gina, async (tx) => ({
      organizations: (await tx<{ slug: string }[]>`select slug from public.organizations`).map((r) => r.slug),
      workspaces: (await tx<{ slug: string }[]>`select slug from public.workspaces order by slug`).map((r) => r.slug),
      profiles: (await tx<{ user_id: string }[]>`select user_id from public.user_profiles`).map((r) => r.user_id),
      renamed: await attempt(tx, (sp) => sp`update public.workspaces set name = 'Pwned' where id = ${VICTIM}`),
      deleted: await attempt(tx, (sp) => sp`delete from public.organizations where slug = 'acme'`),
      created: await attempt(
        tx,
        (sp) => sp`insert into public.workspaces (organization_id, name, slug, created_by)
                   values (${ORGANIZATIONS.acme}, 'Squat', 'acme-squat', ${USERS.gina.id})`,
      ),
    }));
    // Other test files add gina to workspaces of their own while this runs: what she may see is
    // derived from her memberships as they are now; the seeded Acme workspaces must stay hidden.
    const expected = await sql<{ slug: string; organization: string }[]>`
      select w.slug, o.slug as organization from public.workspace_members m
      join public.workspaces w on w.id = m.workspace_id join public.organizations o on o.id = w.organization_id
      where m.user_id = ${USERS.gina.id}`;
    const coMembers = await sql<{ user_id: string }[]>`
      select distinct theirs.user_id from public.workspace_members mine
      join public.workspace_members theirs on theirs.workspace_id = mine.workspace_id
      where mine.user_id = ${USERS.gina.id}`;
    expect(seen.workspaces).toContain("globex-launch");
    expect(seen.workspaces).not.toContain("acme-growth");
    expect(seen.workspaces).not.toContain("acme-brand");
    expect(seen.workspaces.every((slug) => expected.some((row) => row.slug === slug))).toBe(true);
    expect(seen.organizations).toContain("globex");
    expect(seen.organizations.every((slug) => expected.some((row) => row.organization === slug))).toBe(true);
    expect(seen.profiles).toContain(USERS.gina.id);
    expect(seen.profiles.every((id) => coMembers.some((row) => row.user_id === id))).toBe(true);
    expect(denied(seen.renamed)).toBe(true);
    expect(denied(seen.deleted)).toBe(true);
    expect(seen.created).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
  });

  it("shows co-members' profiles but no one else's", async () => {
    const visible = await asUserRolledBack(
      sql,
      USERS.victor,
      (tx) => tx<{ user_id: string }[]>`select user_id from public.user_profiles order by user_id`,
    );
    expect(visible.map((row) => row.user_id)).toEqual([USERS.alice.id, USERS.oliver.id, USERS.ana.id, USERS.victor.id]);
  });

  it("gives anon nothing: every public table refuses to read or write", async () => {
    const tables = await publicTables(sql);
    const leaks = await asAnon(sql, async (tx) => {
      const found: string[] = [];
      for (const table of tables) {
        const read = await attempt(tx, (sp) => sp`select 1 from ${sp(`public.${table}`)} limit 1`);
        if (!denied(read)) found.push(`${table}: read ${describeAttempt(read)}`);
        const write = await attempt(tx, (sp) => sp`delete from ${sp(`public.${table}`)}`);
        if (!(write.ok === false && write.code === INSUFFICIENT_PRIVILEGE)) {
          found.push(`${table}: delete ${describeAttempt(write)}`);
        }
      }
      return found;
    });
    expect(leaks).toEqual([]);
  });
});
