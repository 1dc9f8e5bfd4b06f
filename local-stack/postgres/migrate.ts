import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

// Plain paths, not URL objects: this module is also type-checked with the Workers types (e2e tests).
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const MIGRATIONS_DIR = join(ROOT, "supabase", "migrations");
const SEED_FILE = join(ROOT, "supabase", "seed.sql");

/** Lists migration files in apply order (their names start with a timestamp). */
export async function listMigrations(): Promise<string[]> {
  const files = await readdir(MIGRATIONS_DIR).catch(() => [] as string[]);
  return files.filter((file) => file.endsWith(".sql")).sort();
}

/**
 * Applies pending migrations, recording them the way the Supabase CLI does
 * (`supabase_migrations.schema_migrations`), then optionally loads the seed.
 */
export async function migrate(connectionString: string, options: { seed?: boolean } = {}): Promise<string[]> {
  const sql = postgres(connectionString, { max: 1, onnotice: () => {} });
  try {
    await sql`create schema if not exists supabase_migrations`;
    await sql`create table if not exists supabase_migrations.schema_migrations (version text primary key, name text, statements text[])`;
    const appliedRows = await sql<{ version: string }[]>`select version from supabase_migrations.schema_migrations`;
    const applied = new Set(appliedRows.map((row) => row.version));
    const done: string[] = [];
    for (const file of await listMigrations()) {
      const [version, ...rest] = file.replace(/\.sql$/, "").split("_");
      if (!version || applied.has(version)) continue;
      const text = await readFile(join(MIGRATIONS_DIR, file), "utf8");
      await sql.begin(async (tx) => {
        await tx.unsafe(text);
        await tx`insert into supabase_migrations.schema_migrations (version, name) values (${version}, ${rest.join("_")})`;
      });
      done.push(file);
    }
    if (options.seed) {
      const seed = await readFile(SEED_FILE, "utf8").catch(() => "");
      if (seed.trim()) await sql.unsafe(seed);
    }
    return done;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
