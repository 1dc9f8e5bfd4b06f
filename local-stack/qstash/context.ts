import type { Redis } from "ioredis";
import type { CronGranularity } from "./cron.ts";
import type { RedisKeys } from "./keys.ts";

/** What every part of the stand-in shares: its Redis namespace, secrets and clock settings. */
export interface QStashContext {
  redis: Redis;
  keys: RedisKeys;
  token: string;
  signingKeys: { current: string; next: string };
  backoffScale: number;
  cronGranularity: CronGranularity;
  now(): number;
}
