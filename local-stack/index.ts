import { localDatabase, localPorts, localRedisUrl, localSecrets } from "./defaults.ts";
import { dropDatabaseNamed, ensureDatabase, isReachable } from "./postgres/database.ts";
import { migrate } from "./postgres/migrate.ts";

/** What a running local stack exposes: URLs to hand to the Worker as its bindings. */
export interface LocalStack {
  databaseUrl: string;
  bindings: Record<string, string>;
  close(options?: { dropDatabase?: boolean }): Promise<void>;
}

export interface LocalStackOptions {
  /** Database name to create/migrate/seed on the server. */
  database: string;
  /** Drop and recreate the database first (tests). */
  fresh?: boolean;
  /** Use port 0 (ephemeral) for every stand-in, so tests never clash with `npm run dev`. */
  ephemeralPorts?: boolean;
  /** Scales QStash retry backoff (1 = QStash's real schedule). */
  qstashBackoffScale?: number;
  /** Directory for stand-in state that must survive restarts. */
  stateDir?: string;
}

/** Starts Postgres (server or PGlite), migrations and seed, and the Upstash stand-ins. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const closers: Array<() => Promise<void>> = [];
  let serverUrl = localDatabase.server;
  if (!(await isReachable(serverUrl))) {
    const { startPglite } = await import("./postgres/pglite.ts");
    const pglite = await startPglite({
      port: options.ephemeralPorts ? 0 : localPorts.pgliteSocket,
      dataDir: options.stateDir,
    });
    serverUrl = pglite.url;
    closers.push(pglite.close);
  }
  const databaseUrl = await ensureDatabase(serverUrl, options.database, { fresh: options.fresh ?? false });
  await migrate(databaseUrl, { seed: true });

  return {
    databaseUrl,
    bindings: { ...localSecrets, REDIS_URL: localRedisUrl },
    close: async ({ dropDatabase = false } = {}) => {
      if (dropDatabase) await dropDatabaseNamed(serverUrl, options.database);
      for (const close of closers.reverse()) await close();
    },
  };
}
