import { Client as QStashClient, Receiver } from "@upstash/qstash";
import { Redis } from "@upstash/redis/cloudflare";
import { Index } from "@upstash/vector";
import type { Config } from "../config/config.ts";
import { connect, type Sql } from "../db/database.ts";

/** The managed-service clients one request uses, built once per request. */
export interface Services {
  config: Config;
  sql: Sql;
  redis: Redis;
  qstash: QStashClient;
  qstashReceiver: Receiver;
  vector: Index;
}

/** Builds the service clients from validated config and the Hyperdrive binding. */
export function createServices(config: Config, hyperdrive: Hyperdrive): Services {
  const sql = connect(hyperdrive.connectionString);
  return {
    config,
    sql,
    redis: new Redis({ url: config.UPSTASH_REDIS_REST_URL, token: config.UPSTASH_REDIS_REST_TOKEN }),
    qstash: new QStashClient({ baseUrl: config.QSTASH_URL, token: config.QSTASH_TOKEN }),
    qstashReceiver: new Receiver({
      currentSigningKey: config.QSTASH_CURRENT_SIGNING_KEY,
      nextSigningKey: config.QSTASH_NEXT_SIGNING_KEY,
    }),
    vector: new Index({ url: config.UPSTASH_VECTOR_REST_URL, token: config.UPSTASH_VECTOR_REST_TOKEN }),
  };
}
