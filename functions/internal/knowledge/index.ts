import { Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../../../shared/app-env.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { BatchSlice, failSlice, processSlice } from "../../../shared/knowledge/batch.ts";
import { systemDeps } from "../../knowledge/context.ts";
import { qstashSignature } from "../qstash-signature.ts";

/** The failure callback QStash posts once a slice exhausted its retries: the slice is `sourceBody`. */
const FailureCallback = v.object({ sourceBody: v.string() });

function parse<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) {
    throw ApiError.validation(
      result.issues.map((issue) => ({ field: v.getDotPath(issue) ?? "body", message: issue.message })),
    );
  }
  return result.output;
}

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw ApiError.badRequest("Body is not JSON", [{ field: "body", message: "is not valid JSON" }], "MALFORMED_JSON");
  }
}

function base64ToText(base64: string): string {
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/**
 * QStash consumers of queued knowledge batches, mounted at `/internal/knowledge`. Only requests
 * QStash signed get through (the signature covers the body and `PUBLIC_BASE_URL` + path). A
 * failed ingest answers 5xx so QStash retries; a malformed body is a 400 (retried, then
 * dead-lettered) and can never be ours.
 */
export const knowledgeInternalApp = new Hono<AppEnv>()
  .use(qstashSignature())
  .post("/batch", async (c) => {
    const slice = parse(BatchSlice, json(await c.req.text()));
    const progress = await processSlice(systemDeps(c), slice);
    return c.json({ data: progress ?? null });
  })
  .post("/batch/failed", async (c) => {
    const callback = parse(FailureCallback, json(await c.req.text()));
    const slice = parse(BatchSlice, json(base64ToText(callback.sourceBody)));
    const progress = await failSlice(systemDeps(c), slice);
    c.get("logger").warn("knowledge batch slice failed for good", { batch_id: slice.batch_id, slice: slice.slice });
    return c.json({ data: progress ?? null });
  });
