import postgres from "postgres";

/** Replaces the database name of a connection string. */
export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

/** True when a Postgres server answers at the connection string. */
export async function isReachable(connectionString: string): Promise<boolean> {
  const sql = postgres(connectionString, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

/** Creates the database if missing; with `fresh`, drops it first (test runs start clean). */
export async function ensureDatabase(serverUrl: string, name: string, options: { fresh?: boolean } = {}) {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    if (options.fresh) await sql.unsafe(`drop database if exists "${name}" with (force)`);
    const [exists] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!exists) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return withDatabase(serverUrl, name);
}

/** Drops a database (test runs clean up after themselves). */
export async function dropDatabaseNamed(serverUrl: string, name: string) {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
