import { Hono } from "hono";
import type { AppEnv } from "../../shared/app-env.ts";
import { ApiError, type ErrorDetail } from "../../shared/http/api-error.ts";
import { type CheckResult, checkAll, checkPostgres } from "./checks.ts";

const toDetail = (check: CheckResult): ErrorDetail => ({
  field: check.name,
  message: check.status === "up" ? "up" : (check.error ?? "down"),
  ...check,
});

/** Liveness, database and readiness probes. */
export const healthApp = new Hono<AppEnv>()
  .get("/", (c) =>
    c.json({
      status: "ok",
      service: "raptorflow-codex",
      environment: c.env.ENVIRONMENT ?? "local",
      time: new Date().toISOString(),
    }),
  )
  .get("/db", async (c) => {
    const result = await checkPostgres(c.get("services"));
    if (result.status === "down") throw ApiError.unavailable(`Postgres is down: ${result.error}`, [toDetail(result)]);
    return c.json({ status: "ok", checks: [result] });
  })
  .get("/ready", async (c) => {
    const checks = await checkAll(c.get("services"));
    const down = checks.filter((check) => check.status === "down").map((check) => check.name);
    if (down.length > 0) throw ApiError.unavailable(`Dependencies down: ${down.join(", ")}`, checks.map(toDetail));
    return c.json({ status: "ready", checks });
  });
