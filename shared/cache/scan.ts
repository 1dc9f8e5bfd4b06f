import type { Redis } from "@upstash/redis/cloudflare";

/** Keys SCAN examines per call: Redis's hint, large enough that a pass takes few round trips. */
const SCAN_COUNT = 1_000;

/**
 * Keys matching `pattern`, a page at a time, with SCAN (never KEYS, which blocks the server for
 * the whole keyspace). Stops after `maxCalls` SCAN calls if given; `complete` says whether the
 * iteration reached the end. SCAN may repeat a key across pages, so callers must tolerate that.
 */
export async function scanKeys(
  redis: Redis,
  pattern: string,
  onPage: (keys: string[]) => Promise<void> | void,
  options: { maxCalls?: number } = {},
): Promise<{ complete: boolean }> {
  let cursor = "0";
  let calls = 0;
  do {
    if (options.maxCalls !== undefined && calls >= options.maxCalls) return { complete: false };
    const [next, keys] = await redis.scan(cursor, { match: pattern, count: SCAN_COUNT });
    calls++;
    cursor = String(next);
    if (keys.length > 0) await onPage(keys.map(String));
  } while (cursor !== "0");
  return { complete: true };
}
