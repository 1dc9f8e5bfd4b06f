import type { MiddlewareHandler } from "hono";
import { publicUrl } from "../../shared/agents/runtime/index.ts";
import type { AppEnv } from "../../shared/app-env.ts";
import { ApiError } from "../../shared/http/api-error.ts";

/** Seconds of clock difference tolerated between QStash and the Worker on `nbf`/`exp`. */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Admits only requests QStash signed: the `Upstash-Signature` JWT must verify with the current or next
 * signing key, over the exact raw body and the URL QStash delivered to (`PUBLIC_BASE_URL` + path, not the
 * URL the Worker happens to see behind proxies). Anything else is a 401 and nothing runs.
 */
export function qstashSignature(): MiddlewareHandler<AppEnv> {
  return async function qstashSignatureMiddleware(c, next) {
    const signature = c.req.header("upstash-signature");
    if (!signature) throw ApiError.unauthorized("Missing Upstash-Signature", "QSTASH_SIGNATURE_MISSING");
    const { qstashReceiver, config } = c.get("services");
    const body = await c.req.text();
    const url = publicUrl(config.PUBLIC_BASE_URL, new URL(c.req.url).pathname);
    const valid = await qstashReceiver
      .verify({ signature, body, url, clockTolerance: CLOCK_TOLERANCE_SECONDS })
      .catch(() => false);
    if (!valid) throw ApiError.unauthorized("Upstash-Signature does not verify", "QSTASH_SIGNATURE_INVALID");
    await next();
  };
}
