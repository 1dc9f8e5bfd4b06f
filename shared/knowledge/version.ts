import type { Redis } from "@upstash/redis/cloudflare";

/**
 * The knowledge version of a workspace: a number that grows whenever its knowledge changes
 * (ingest, delete, supersede). Agent responses are cached under it, so new knowledge means new
 * answers without deleting anything. If Redis loses the key, it restarts from the current time
 * in milliseconds, which is above any value it can have had: a version never goes back, so a
 * stale cached answer can never match again.
 */

const versionKey = (workspaceId: string) => `knowledge:${workspaceId.toLowerCase()}:version`;

/** The workspace's current knowledge version. */
export async function knowledgeVersion(redis: Redis, workspaceId: string): Promise<number> {
  const key = versionKey(workspaceId);
  const current = await redis.get<number | string>(key);
  if (current !== null && current !== undefined) return Number(current);
  await redis.set(key, Date.now(), { nx: true });
  return Number(await redis.get<number | string>(key));
}

/** Moves the workspace's knowledge version forward and returns the new one. */
export async function bumpKnowledgeVersion(redis: Redis, workspaceId: string): Promise<number> {
  const key = versionKey(workspaceId);
  const pipeline = redis.pipeline();
  pipeline.set(key, Date.now(), { nx: true });
  pipeline.incr(key);
  const [, next] = (await pipeline.exec()) as [unknown, number];
  return Number(next);
}
