import { type Context, Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../../../shared/app-env.ts";
import { heraldConfig } from "../../../shared/herald/config.ts";
import {
  type DeliveryDeps,
  type DeliveryOutcome,
  deliverNotification,
  failUndelivered,
} from "../../../shared/herald/deliver.ts";
import { DELIVERY_RETRIES, type DeliveryMessage, DeliveryMessageSchema } from "../../../shared/herald/dispatch.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { qstashSignature } from "../qstash-signature.ts";

/** The failure callback QStash posts once a delivery exhausted its retries: the message is `sourceBody`. */
const FailureCallbackSchema = v.object({ sourceBody: v.string() });

function parse<S extends v.GenericSchema>(schema: S, text: string): v.InferOutput<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw ApiError.badRequest("Body is not JSON", [{ field: "body", message: "is not valid JSON" }], "MALFORMED_JSON");
  }
  const result = v.safeParse(schema, value);
  if (!result.success) {
    throw ApiError.validation(
      result.issues.map((issue) => ({ field: v.getDotPath(issue) ?? "body", message: issue.message })),
    );
  }
  return result.output;
}

function base64ToText(base64: string): string {
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

function depsOf(c: Context<AppEnv>): DeliveryDeps {
  const { sql, redis } = c.get("services");
  return { sql, redis, config: heraldConfig(c.env), env: c.env, logger: c.get("logger") };
}

/**
 * QStash consumers of Herald deliveries, mounted at `/internal/herald`; only requests QStash
 * signed get through. `POST /deliver` sends one notification through its channel's adapter and
 * answers 503 on a transient provider failure so QStash retries; `POST /deliver/failed` is the
 * failure callback that records a delivery QStash gave up on.
 */
export const heraldInternalApp = new Hono<AppEnv>()
  .use(qstashSignature())
  .post("/deliver", async (c) => {
    const message = parse(DeliveryMessageSchema, await c.req.text());
    const retried = Number(c.req.header("upstash-retried") ?? 0) || 0;
    const outcome = await deliverNotification(depsOf(c), message, { retried, maxRetries: DELIVERY_RETRIES });
    if (outcome.kind === "retry") {
      throw ApiError.unavailable(`Delivery failed and will be retried: ${outcome.error}`, [
        { field: "notification_id", message: outcome.error },
      ]);
    }
    return c.json({ data: outcome satisfies DeliveryOutcome });
  })
  .post("/deliver/failed", async (c) => {
    const callback = parse(FailureCallbackSchema, await c.req.text());
    const message: DeliveryMessage = parse(DeliveryMessageSchema, base64ToText(callback.sourceBody));
    const outcome = await failUndelivered(depsOf(c), message, "delivery retries exhausted");
    if (outcome.kind === "failed") {
      c.get("logger").warn("herald delivery failed for good", { notification_id: message.notification_id });
    }
    return c.json({ data: outcome satisfies DeliveryOutcome });
  });
