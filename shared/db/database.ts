import postgres from "postgres";

/** A transaction handle: the `postgres` driver's tagged-template SQL bound to one transaction. */
export type Tx = postgres.TransactionSql;
/** A connection pool handle for one request. */
export type Sql = postgres.Sql;

/** JWT claims as PostgREST would set them in `request.jwt.claims`. */
export type JwtClaims = Record<string, unknown> & { sub: string; role: string };

/** Options of `connect`. */
export interface ConnectOptions {
  max?: number;
  /** Seconds before an idle connection closes (default 10). */
  idleTimeoutSeconds?: number;
  /** Opens the TCP socket instead of the driver (Durable Objects: durable-objects/postgres.ts). */
  socket?: () => unknown;
}

/**
 * Opens a client on the Hyperdrive connection string. Hyperdrive pools in transaction mode,
 * so settings are only ever transaction-local and prepared statements are off.
 */
export function connect(connectionString: string, options: ConnectOptions = {}): Sql {
  return postgres(connectionString, {
    max: options.max ?? 5,
    fetch_types: false,
    prepare: false,
    idle_timeout: options.idleTimeoutSeconds ?? 10,
    connect_timeout: 10,
    onnotice: () => {},
    types: { timestamp: timestampType },
    // postgres.js accepts a socket factory but does not declare it in its types.
    ...(options.socket ? ({ socket: options.socket } as object) : {}),
  }) as unknown as Sql;
}

/**
 * Timestamps and dates parse to `Date` as postgres.js does by default, but a string bound to a
 * timestamp parameter goes to Postgres verbatim: the default serializer round-trips it through
 * `Date` and drops the microseconds, which breaks keyset cursors (shared/db/pagination.ts).
 */
const timestampType: postgres.PostgresType<Date | string> = {
  to: 1184,
  from: [1082, 1114, 1184],
  serialize: (value: Date | string) => (typeof value === "string" ? value : value.toISOString()),
  parse: (raw: string) => new Date(raw),
};

/**
 * Runs `fn` in one transaction as the calling user: `set local role authenticated` and
 * `request.jwt.claims`, exactly as PostgREST does, so row-level security decides what it sees.
 */
export async function withUser<T>(sql: Sql, claims: JwtClaims, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify(claims)}, true), set_config('request.jwt.claim.sub', ${claims.sub}, true)`;
    return fn(tx);
  })) as T;
}

/**
 * Runs `fn` in one transaction as `service_role` (bypasses RLS). For system work only —
 * queue consumers and Durable Objects — which must scope every statement by workspace itself.
 */
export async function withService<T>(sql: Sql, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`select set_config('role', 'service_role', true), set_config('request.jwt.claims', '{"role":"service_role"}', true)`;
    return fn(tx);
  })) as T;
}
