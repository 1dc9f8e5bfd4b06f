import { env } from "cloudflare:test";
import postgres from "postgres";
import { connect, type JwtClaims, type Sql, type Tx, withUser } from "../../shared/db/database.ts";

/** Organizations of supabase/seed.sql. */
export const ORGANIZATIONS = {
  acme: "0a000000-0000-4000-8000-000000000001",
  globex: "0a000000-0000-4000-8000-000000000002",
} as const;

/** Workspaces of supabase/seed.sql; slugs are acme-growth, acme-brand and globex-launch. */
export const WORKSPACES = {
  acmeGrowth: "0b000000-0000-4000-8000-000000000001",
  acmeBrand: "0b000000-0000-4000-8000-000000000002",
  globexLaunch: "0b000000-0000-4000-8000-000000000003",
} as const;

/** A seeded auth.users row. */
export interface SeedUser {
  id: string;
  email: string;
}

/**
 * Users of supabase/seed.sql. In acme-growth: alice admin, oliver lord_operator, ana analyst,
 * victor viewer. bruno is admin of acme-brand (where alice is an analyst), gina admin of
 * globex-launch; nina belongs to no workspace. alice owns Acme, gina owns Globex.
 */
export const USERS = {
  alice: { id: "0c000000-0000-4000-8000-000000000001", email: "alice@acme.test" },
  oliver: { id: "0c000000-0000-4000-8000-000000000002", email: "oliver@acme.test" },
  ana: { id: "0c000000-0000-4000-8000-000000000003", email: "ana@acme.test" },
  victor: { id: "0c000000-0000-4000-8000-000000000004", email: "victor@acme.test" },
  gina: { id: "0c000000-0000-4000-8000-000000000005", email: "gina@globex.test" },
  bruno: { id: "0c000000-0000-4000-8000-000000000006", email: "bruno@acme.test" },
  nina: { id: "0c000000-0000-4000-8000-000000000007", email: "nina@nowhere.test" },
} as const satisfies Record<string, SeedUser>;

/** The seeded acme-growth API key (role analyst, created by alice); only its secret's SHA-256 is stored. */
export const SEED_API_KEY = {
  id: "0d000000-0000-4000-8000-000000000001",
  secret: "rfk_local_acme_growth_0000000000000000",
} as const;

/** Claims of a request authenticated with an API key, as shared/auth/api-keys.ts builds them. */
export function apiKeyClaims(keyId: string, creator: SeedUser): JwtClaims {
  return { sub: creator.id, role: "authenticated", aud: "authenticated", api_key_id: keyId };
}

/** Workspace roles, weakest first, as the schema orders them. */
export const ROLE_ORDER = ["viewer", "analyst", "lord_operator", "admin"] as const;

/** A pool on the test database as its owner: for fixtures and catalog queries, bypassing RLS. */
export function testSql(): Sql {
  return connect(env.HYPERDRIVE.connectionString, { max: 2 });
}

/** Claims of a seeded user, shaped like a Supabase access token's. */
export function claimsFor(user: SeedUser): JwtClaims {
  return { sub: user.id, role: "authenticated", aud: "authenticated", email: user.email };
}

/** Runs `fn` in one committed transaction as a seeded user (`withUser`). */
export function asUser<T>(sql: Sql, user: SeedUser, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withUser(sql, claimsFor(user), fn);
}

/** Switches an open transaction to a seeded user: role authenticated and their claims, as `withUser`. */
export async function becomeUser(tx: Tx, user: SeedUser): Promise<void> {
  await tx`select set_config('role', 'authenticated', true),
                  set_config('request.jwt.claims', ${JSON.stringify(claimsFor(user))}, true),
                  set_config('request.jwt.claim.sub', ${user.id}, true)`;
}

/** Switches an open transaction to service_role, which bypasses row-level security. */
export async function becomeService(tx: Tx): Promise<void> {
  await tx`select set_config('role', 'service_role', true), set_config('request.jwt.claims', '{"role":"service_role"}', true)`;
}

class Rollback<T> extends Error {
  readonly result: T;
  constructor(result: T) {
    super("rollback");
    this.result = result;
  }
}

/** Runs `open`'s transaction (or savepoint) and rolls it back, returning what `fn` returned. */
async function discarding<T>(
  open: (body: (tx: Tx) => Promise<never>) => Promise<unknown>,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    await open(async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.result as T;
    throw err;
  }
  throw new Error("unreachable: the transaction always rolls back");
}

/** Like `asUser`, but the transaction is rolled back: for tests that write. */
export function asUserRolledBack<T>(sql: Sql, user: SeedUser, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return discarding((body) => withUser(sql, claimsFor(user), body), fn);
}

/** Runs `fn` as the database owner in a transaction that is rolled back. */
export function rolledBack<T>(sql: Sql, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return discarding((body) => sql.begin(body), fn);
}

/** Runs `fn` in a savepoint that is always rolled back, so one probe cannot disturb the next. */
export function inSavepoint<T>(tx: Tx, fn: (sp: Tx) => Promise<T>): Promise<T> {
  return discarding((body) => tx.savepoint(body), fn);
}

/** Runs `fn` as PostgREST's `anon` role (no JWT subject), in a transaction that is rolled back. */
export function asAnon<T>(sql: Sql, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return discarding(
    (body) =>
      sql.begin(async (tx) => {
        await tx`select set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true)`;
        return body(tx);
      }),
    fn,
  );
}

/** The outcome of one statement run in its own savepoint. */
export type Attempt = { ok: true; count: number } | { ok: false; code: string; message: string };

/** Runs one statement in a savepoint and reports rows affected or the SQLSTATE it failed with. */
export async function attempt(tx: Tx, statement: (sp: Tx) => PromiseLike<{ count: number }>): Promise<Attempt> {
  try {
    const count = await tx.savepoint(async (sp) => (await statement(sp)).count);
    return { ok: true, count };
  } catch (err) {
    if (err instanceof postgres.PostgresError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

/** SQLSTATE for insufficient privilege: a missing grant or a row-level security violation. */
export const INSUFFICIENT_PRIVILEGE = "42501";

/** True when the attempt was refused by privileges or row-level security, or touched no row. */
export function denied(result: Attempt): boolean {
  return result.ok ? result.count === 0 : result.code === INSUFFICIENT_PRIVILEGE;
}

/** Every base table in `public`, sorted. */
export async function publicTables(sql: Sql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select c.relname as name from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
    order by 1`;
  return rows.map((row) => row.name);
}

/** Public tables holding tenant data: those with a `workspace_id` column, sorted. */
export async function tenantTables(sql: Sql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select c.relname as name from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
    order by 1`;
  return rows.map((row) => row.name);
}

/** Columns a client may supply on insert (no identity or generated columns), in table order. */
export async function insertableColumns(sql: Sql, table: string): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select column_name as name from information_schema.columns
    where table_schema = 'public' and table_name = ${table}
      and is_identity = 'NO' and is_generated = 'NEVER'
    order by ordinal_position`;
  return rows.map((row) => row.name);
}

/**
 * Inserts a copy of `row` (as `to_jsonb` gave it) into `table` with a fresh id: the probe the
 * isolation suite uses for "can this caller write a row like this one".
 */
export function insertCopy(tx: Tx, table: string, columns: readonly string[], row: Record<string, unknown>) {
  const copied = columns.filter((column) => !["id", "created_at", "updated_at"].includes(column));
  const qualified = `public.${table}`;
  return tx`
    insert into ${tx(qualified)} (${tx(copied)})
    select ${tx(copied)} from jsonb_populate_record(null::${tx(qualified)}, ${tx.json(row as postgres.JSONValue)})`;
}
