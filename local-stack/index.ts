import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { localDatabase, localPorts, localRedisUrl, localSecrets } from "./defaults.ts";
import { dropDatabaseNamed, ensureDatabase, isReachable } from "./postgres/database.ts";
import { migrate } from "./postgres/migrate.ts";
import { startQStash } from "./qstash/index.ts";
import { startRedisRest } from "./redis-rest/index.ts";
import type { StandIn } from "./stand-in.ts";
import { startVector } from "./vector/index.ts";

/** What a running local stack exposes: URLs and secrets to hand to the Worker as its bindings. */
export interface LocalStack {
  databaseUrl: string;
  urls: { redisRest: string; qstash: string; vector: string };
  /** Worker bindings (URLs and secrets) that point at this stack. */
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
  /** Directory for stand-in state that must survive restarts (vector data, PGlite data). */
  stateDir: string;
  /** Redis key namespace for the QStash stand-in (tests use one per run). */
  qstashKeyPrefix?: string;
}

/** Starts Postgres (server or PGlite), migrations and seed, and the Upstash stand-ins. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const standIns: StandIn[] = [];
  const closers: Array<() => Promise<void>> = [];
  const port = (fixed: number) => (options.ephemeralPorts ? 0 : fixed);
  await mkdir(options.stateDir, { recursive: true });

  const postgres = await startPostgres(options, closers);
  try {
    await migrate(postgres.databaseUrl, { seed: true });
    const redisRest = await startRedisRest({
      port: port(localPorts.redisRest),
      redisUrl: localRedisUrl,
      token: localSecrets.UPSTASH_REDIS_REST_TOKEN,
    });
    standIns.push(redisRest);
    const qstash = await startQStash({
      port: port(localPorts.qstash),
      redisUrl: localRedisUrl,
      token: localSecrets.QSTASH_TOKEN,
      currentSigningKey: localSecrets.QSTASH_CURRENT_SIGNING_KEY,
      nextSigningKey: localSecrets.QSTASH_NEXT_SIGNING_KEY,
      backoffScale: options.qstashBackoffScale ?? 1,
      keyPrefix: options.qstashKeyPrefix ?? "dev",
    });
    standIns.push(qstash);
    const vector = await startVector({
      port: port(localPorts.vector),
      token: localSecrets.UPSTASH_VECTOR_REST_TOKEN,
      dataDir: join(options.stateDir, "vector"),
    });
    standIns.push(vector);

    return {
      databaseUrl: postgres.databaseUrl,
      urls: { redisRest: redisRest.url, qstash: qstash.url, vector: vector.url },
      bindings: {
        ...localSecrets,
        UPSTASH_REDIS_REST_URL: redisRest.url,
        QSTASH_URL: qstash.url,
        UPSTASH_VECTOR_REST_URL: vector.url,
      },
      close: async ({ dropDatabase = false } = {}) => {
        for (const standIn of standIns.reverse()) await standIn.close();
        if (dropDatabase) await postgres.drop();
        for (const close of closers.reverse()) await close();
      },
    };
  } catch (err) {
    for (const standIn of standIns.reverse()) await standIn.close().catch(() => {});
    for (const close of closers.reverse()) await close().catch(() => {});
    throw err;
  }
}

/** The Postgres server when reachable (DATABASE_URL overrides), otherwise embedded PGlite. */
async function startPostgres(options: LocalStackOptions, closers: Array<() => Promise<void>>) {
  if (await isReachable(localDatabase.server)) {
    const databaseUrl = await ensureDatabase(localDatabase.server, options.database, { fresh: options.fresh ?? false });
    return { databaseUrl, drop: () => dropDatabaseNamed(localDatabase.server, options.database) };
  }
  const { startPglite } = await import("./postgres/pglite.ts");
  // PGlite holds one database: tests get a fresh in-memory instance, dev keeps its data on disk.
  const pglite = await startPglite({
    port: options.ephemeralPorts ? 0 : localPorts.pgliteSocket,
    dataDir: options.fresh ? undefined : join(options.stateDir, "pglite"),
  });
  closers.push(pglite.close);
  console.log("[local-stack] no Postgres server reachable; using embedded PGlite");
  return { databaseUrl: pglite.url, drop: async () => {} };
}
