import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ApiError } from "./api-error.ts";

const KEY_PATTERN = /^[\w.:-]{8,128}$/;
const TTL_SECONDS = 24 * 60 * 60;
const PENDING_TTL_SECONDS = 60;

interface StoredResponse {
  state: "pending" | "done";
  bodyHash: string;
  status?: number;
  body?: string;
  contentType?: string;
  /** The first response carried a secret (`cache-control: no-store`): it is never stored or replayed. */
  secret?: boolean;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Honours `Idempotency-Key` on creating POSTs: the first response is stored in Redis for 24 h;
 * a retry with the same key and body replays it, the same key with another body is a 422,
 * and a retry while the first is still running is a 409. Server errors are not stored.
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async function idempotencyMiddleware(c, next) {
    const key = c.req.header("idempotency-key");
    if (c.req.method !== "POST" || key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      throw ApiError.badRequest("Idempotency-Key must be 8-128 characters of letters, digits, '-', '_', '.', ':'", [
        { field: "idempotency-key", message: "invalid format" },
      ]);
    }
    const { redis } = c.get("services");
    const scope = `${c.get("workspaceId") ?? "-"}:${c.get("caller")?.userId ?? "-"}`;
    const redisKey = `idem:${scope}:${c.req.method}:${new URL(c.req.url).pathname}:${key}`;
    const bodyHash = await sha256Hex(await c.req.text());

    const pending: StoredResponse = { state: "pending", bodyHash };
    const claimed = await redis.set(redisKey, pending, { nx: true, ex: PENDING_TTL_SECONDS });
    if (claimed !== "OK") {
      const stored = await redis.get<StoredResponse>(redisKey);
      if (stored && stored.bodyHash !== bodyHash) {
        throw ApiError.unprocessable(
          "Idempotency-Key was already used with a different request body",
          [{ field: "idempotency-key", message: "reused with a different body" }],
          "IDEMPOTENCY_KEY_REUSED",
        );
      }
      if (stored?.state === "done" && stored.secret) {
        throw ApiError.conflict(
          "The request with this Idempotency-Key already succeeded; its response held a secret and is not replayed",
          [],
          "IDEMPOTENT_RESPONSE_NOT_REPLAYABLE",
        );
      }
      if (stored?.state === "done" && stored.status !== undefined) {
        return new Response(stored.body ?? null, {
          status: stored.status,
          headers: { "content-type": stored.contentType ?? "application/json", "idempotent-replayed": "true" },
        });
      }
      throw ApiError.conflict(
        "A request with this Idempotency-Key is still being processed",
        [],
        "IDEMPOTENCY_IN_PROGRESS",
      );
    }

    try {
      await next();
    } catch (err) {
      await redis.del(redisKey);
      throw err;
    }
    if (c.res.status >= 500 || c.error) {
      await redis.del(redisKey);
      return;
    }
    const secret = /no-store/i.test(c.res.headers.get("cache-control") ?? "");
    const done: StoredResponse = secret
      ? { state: "done", bodyHash, status: c.res.status, secret: true }
      : {
          state: "done",
          bodyHash,
          status: c.res.status,
          body: await c.res.clone().text(),
          contentType: c.res.headers.get("content-type") ?? undefined,
        };
    await redis.set(redisKey, done, { ex: TTL_SECONDS });
  };
}
