import { createServer } from "node:http";
import { Redis } from "ioredis";
import { listen, type StandIn } from "../stand-in.ts";
import { createTokenCheck } from "./auth.ts";
import { createExecutor } from "./executor.ts";
import { createRequestListener } from "./server.ts";

/** Where the stand-in listens, which Redis it forwards to, and the token clients must present. */
export interface RedisRestOptions {
  port: number;
  host?: string;
  redisUrl: string;
  token: string;
}

/**
 * Starts a drop-in for Upstash's Redis REST API (as served by Upstash and by its Serverless Redis
 * HTTP proxy), running every command on a real Redis so `@upstash/redis` works locally unchanged.
 */
export async function startRedisRest(options: RedisRestOptions): Promise<StandIn> {
  const checkToken = createTokenCheck(options.token);
  // RESP2, because Upstash answers in RESP2 shapes: flat arrays for hashes, Lua `true` as 1, doubles as text.
  const redis = new Redis(options.redisUrl, { protocol: 2, lazyConnect: true, connectionName: "redis-rest-stand-in" });
  await redis.connect();
  const server = createServer(createRequestListener({ checkToken, executor: createExecutor(redis) }));
  try {
    return await listen(server, options.port, options.host, async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  } catch (error) {
    redis.disconnect();
    throw error;
  }
}
