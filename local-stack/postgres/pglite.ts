import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** An embedded Postgres (PGlite) served over the Postgres wire protocol on a local port. */
export interface PgliteServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts PGlite for machines without a Postgres server. PGlite holds a single database, so
 * callers use its `postgres` database as-is instead of creating one per run.
 */
export async function startPglite(options: { port: number; dataDir?: string }): Promise<PgliteServer> {
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = new PGLiteSocketServer({ db, port: options.port, host: "127.0.0.1", maxConnections: 100 });
  await server.start();
  const [, port] = server.getServerConn().split(":");
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
