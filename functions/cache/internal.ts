import { Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../../shared/app-env.ts";
import { runWarming, WarmJob } from "../../shared/cache/warm/schedules.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { qstashSignature } from "../internal/qstash-signature.ts";

/**
 * The QStash consumer of warming schedules, mounted at `/internal/cache`: `POST /warm` rebuilds
 * the scheduled kinds for the workspace the schedule names. Only QStash-signed requests get in.
 */
export const cacheInternalApp = new Hono<AppEnv>().use(qstashSignature()).post("/warm", async (c) => {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw ApiError.badRequest("Body is not JSON", [{ field: "body", message: "is not valid JSON" }], "MALFORMED_JSON");
  }
  const job = v.safeParse(WarmJob, body);
  if (!job.success) {
    throw ApiError.validation(
      job.issues.map((issue) => ({ field: v.getDotPath(issue) ?? "body", message: issue.message })),
    );
  }
  const { sql, redis } = c.get("services");
  return c.json({ data: await runWarming({ sql, redis }, job.output) });
});
