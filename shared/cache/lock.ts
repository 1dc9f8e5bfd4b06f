import type { Redis } from "@upstash/redis/cloudflare";
import { lockKey } from "./keys.ts";

// Deletes the lock only if it still holds our token: a holder whose lock lapsed must not
// release the lock a later caller took.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/** A held single-flight lock. */
export interface HeldLock {
  release(): Promise<void>;
}

/** Takes the lock of a value key for `ttlMs` (SET NX PX), or undefined if someone holds it. */
export async function tryLock(redis: Redis, key: string, ttlMs: number): Promise<HeldLock | undefined> {
  const token = crypto.randomUUID();
  const name = lockKey(key);
  const taken = await redis.set(name, token, { nx: true, px: ttlMs });
  if (taken !== "OK") return undefined;
  return {
    release: async () => {
      await redis.eval(RELEASE, [name], [token]);
    },
  };
}
