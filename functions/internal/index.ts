import { Hono } from "hono";
import * as v from "valibot";
import {
  type ConsumeOutcome,
  consumeExecution,
  type DeadLetterOutcome,
  ExecutionMessageSchema,
  FailureCallbackSchema,
  recordDeadLetter,
  runtimeDepsOf,
} from "../../shared/agents/runtime/index.ts";
import type { AppEnv } from "../../shared/app-env.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { qstashSignature } from "./qstash-signature.ts";

/** Parses a signed body; a body that is ours but malformed is a 400 (QStash retries, then dead-letters it). */
async function bodyOf<S extends v.GenericSchema>(text: string, schema: S): Promise<v.InferOutput<S>> {
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

/** What the consumer tells QStash: 2xx acknowledges (done, failed for good, or nothing to do). */
function acknowledge(outcome: ConsumeOutcome): ConsumeOutcome {
  if (outcome.kind === "busy") {
    throw ApiError.conflict("Another delivery is running this execution", [], "EXECUTION_BUSY");
  }
  if (outcome.kind === "retry") {
    throw ApiError.unavailable(`No model available: ${outcome.error}`, [{ field: "model", message: outcome.error }]);
  }
  return outcome;
}

/**
 * QStash consumers, outside user auth: every request must carry a valid QStash signature.
 * `POST /internal/agents/execute` runs an execution; `POST /internal/agents/dead-letter` is the failure
 * callback that files messages QStash gave up on.
 */
export const internalApp = new Hono<AppEnv>()
  // Scoped to this group's paths: other `/internal/*` groups mount beside it with their own checks.
  .use("/agents/*", qstashSignature())
  .post("/agents/execute", async (c) => {
    const message = await bodyOf(await c.req.text(), ExecutionMessageSchema);
    const outcome = await consumeExecution(runtimeDepsOf(c), message, {
      messageId: c.req.header("upstash-message-id") ?? null,
      retried: Number(c.req.header("upstash-retried") ?? 0) || 0,
    });
    return c.json(acknowledge(outcome) satisfies ConsumeOutcome);
  })
  .post("/agents/dead-letter", async (c) => {
    const callback = await bodyOf(await c.req.text(), FailureCallbackSchema);
    const outcome = await recordDeadLetter(runtimeDepsOf(c), callback);
    if (outcome.kind === "ignored") c.get("logger").warn("dead letter ignored", { reason: outcome.reason });
    return c.json(outcome satisfies DeadLetterOutcome);
  });
