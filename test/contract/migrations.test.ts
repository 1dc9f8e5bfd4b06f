import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDatabase } from "../../local-stack/defaults.ts";
import { dropDatabaseNamed, ensureDatabase, isReachable } from "../../local-stack/postgres/database.ts";
import { generateRowTypes, ROW_TYPES_PATH } from "../../local-stack/postgres/generate-row-types.ts";
import { listMigrations, migrate } from "../../local-stack/postgres/migrate.ts";

// The migrations must apply unchanged on a Postgres server (as on Supabase) and on PGlite (the
// local fallback), be recorded so a second run applies nothing, and tolerate the bootstrap and
// the seed running again. The committed row types must match what the migrations produce.
const MIGRATIONS = new URL("../../supabase/migrations/", import.meta.url);
const BOOTSTRAP = "20261122000000_bootstrap_supabase_auth.sql";
const ALICE = "0c000000-0000-4000-8000-000000000001";
const GINA = "0c000000-0000-4000-8000-000000000005";
const ACME_GROWTH = "0b000000-0000-4000-8000-000000000001";

/** What a database looks like after migrating, as a user of each side sees it. */
async function inspect(sql: postgres.Sql) {
  const [facts] = await sql<{ tables: number; unforced: number; versions: number; agents: number }[]>`
    select
      (select count(*)::int from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r') as tables,
      (select count(*)::int from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'
         and not (relrowsecurity and relforcerowsecurity)) as unforced,
      (select count(*)::int from supabase_migrations.schema_migrations) as versions,
      (select count(*)::int from public.agent_registry) as agents`;
  const visibleTo = async (userId: string) =>
    sql.begin(async (tx) => {
      const claims = JSON.stringify({ sub: userId, role: "authenticated" });
      await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true)`;
      const [row] = await tx<{ n: number }[]>`
        select count(*)::int as n from public.campaigns where workspace_id = ${ACME_GROWTH}`;
      return row?.n ?? -1;
    });
  return { ...facts, aliceSees: await visibleTo(ALICE), ginaSees: await visibleTo(GINA) };
}

async function expectMigratedTwice(url: string, sql: postgres.Sql) {
  const migrations = await listMigrations();
  expect(migrations[0]).toBe(BOOTSTRAP);
  expect(await migrate(url, { seed: true })).toEqual(migrations);
  const first = await inspect(sql);
  expect(await migrate(url, { seed: true })).toEqual([]);
  await sql.unsafe(await readFile(new URL(BOOTSTRAP, MIGRATIONS), "utf8"));
  const second = await inspect(sql);
  expect(second).toEqual(first);
  expect(first).toMatchObject({ unforced: 0, versions: migrations.length, agents: 87, ginaSees: 0 });
  expect(first.tables).toBeGreaterThanOrEqual(59);
  expect(first.aliceSees).toBeGreaterThan(0);
}

describe("migrations on the Postgres server", () => {
  const name = `raptorflow_migrations_${process.pid}_${Date.now()}`;
  let url: string | undefined;
  let sql: postgres.Sql | undefined;

  beforeAll(async () => {
    if (!(await isReachable(localDatabase.server))) return;
    url = await ensureDatabase(localDatabase.server, name, { fresh: true });
    sql = postgres(url, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    if (url) await dropDatabaseNamed(localDatabase.server, name);
  });

  it("apply on a fresh database, then apply nothing; the bootstrap and seed re-run harmlessly", async (context) => {
    if (!url || !sql) return context.skip("no Postgres server at DATABASE_URL");
    await expectMigratedTwice(url, sql);
  }, 120_000);

  it("produce the committed row types", async (context) => {
    if (!url) return context.skip("no Postgres server at DATABASE_URL");
    const committed = await readFile(new URL(`../../${ROW_TYPES_PATH}`, import.meta.url), "utf8");
    // Regenerate with `node local-stack/postgres/generate-row-types.ts` when this fails.
    expect(await generateRowTypes(url)).toBe(committed);
  }, 60_000);
});

describe("migrations on PGlite", () => {
  let db: PGlite;
  let server: PGLiteSocketServer;
  let url: string;
  let sql: postgres.Sql;

  beforeAll(async () => {
    db = new PGlite();
    server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 4 });
    await server.start();
    url = `postgres://postgres:postgres@${server.getServerConn()}/postgres`;
    sql = postgres(url, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    await server?.stop();
    await db?.close();
  });

  it("apply on a fresh PGlite, then apply nothing; the bootstrap and seed re-run harmlessly", async () => {
    await expectMigratedTwice(url, sql);
  }, 120_000);

  it("run the bootstrap directly through PGlite twice", async () => {
    const bootstrap = await readFile(new URL(BOOTSTRAP, MIGRATIONS), "utf8");
    const fresh = new PGlite();
    try {
      await fresh.exec(bootstrap);
      await fresh.exec(bootstrap);
      const roles = await fresh.query<{ rolname: string; rolbypassrls: boolean }>(
        "select rolname, rolbypassrls from pg_roles where rolname in ('anon', 'authenticated', 'service_role') order by 1",
      );
      expect(roles.rows).toEqual([
        { rolname: "anon", rolbypassrls: false },
        { rolname: "authenticated", rolbypassrls: false },
        { rolname: "service_role", rolbypassrls: true },
      ]);
      const uid = await fresh.query<{ uid: string }>(
        `select set_config('request.jwt.claims', '{"sub":"${ALICE}"}', false), auth.uid() as uid`,
      );
      expect(uid.rows[0]?.uid).toBe(ALICE);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
