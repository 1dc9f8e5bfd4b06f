import { createExecutionContext, env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../functions/app.ts";
import { loadConfig } from "../../shared/config/config.ts";

describe("health", () => {
  it("GET /health answers liveness with a request id", async () => {
    const res = await SELF.fetch("http://api.test/health");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("GET /health/db round-trips to Postgres with timing", async () => {
    const res = await SELF.fetch("http://api.test/health/db");
    const body = await res.json<{ status: string; checks: { name: string; latency_ms: number }[] }>();
    expect(res.status).toBe(200);
    expect(body.checks[0]).toMatchObject({ name: "postgres", status: "up" });
    expect(body.checks[0]?.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it("unknown routes get the error envelope", async () => {
    const res = await SELF.fetch("http://api.test/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: "error", code: "ROUTE_NOT_FOUND", status_code: 404 });
  });

  it("wrong methods get 405 with Allow", async () => {
    const res = await SELF.fetch("http://api.test/health", { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toContain("GET");
  });
});

describe("readiness", () => {
  it("GET /health/ready checks Postgres, Redis, QStash and Vector with timing", async () => {
    const res = await SELF.fetch("http://api.test/health/ready");
    const body = await res.json<{ status: string; checks: { name: string; status: string; latency_ms: number }[] }>();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.status).toBe("ready");
    expect(body.checks.map((check) => check.name).sort()).toEqual(["postgres", "qstash", "redis", "vector"]);
    for (const check of body.checks) expect(check).toMatchObject({ status: "up", latency_ms: expect.any(Number) });
  });

  it("answers 503 naming each dependency that is down", async () => {
    const app = createApp();
    const brokenEnv = {
      ...env,
      UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9",
      UPSTASH_VECTOR_REST_URL: "http://127.0.0.1:9",
    };
    const res = await app.request("/health/ready", {}, brokenEnv, createExecutionContext());
    const body = await res.json<{ code: string; error: string; details: { field: string; status: string }[] }>();
    expect(res.status).toBe(503);
    expect(body.code).toBe("SERVICE_UNAVAILABLE");
    expect(body.error).toContain("redis");
    expect(body.error).toContain("vector");
    expect(body.error).not.toContain("postgres");
    expect(body.details.find((d) => d.field === "redis")?.status).toBe("down");
    expect(JSON.stringify(body)).not.toContain("local-redis-rest-token");
  });

  it("a missing setting fails with a 500 that names no secret, and the log names the setting", async () => {
    const app = createApp();
    const { QSTASH_TOKEN: _dropped, ...withoutToken } = env as unknown as Record<string, unknown>;
    const res = await app.request("/health/db", {}, withoutToken, createExecutionContext());
    const body = await res.json<{ code: string; error: string }>();
    expect(res.status).toBe(500);
    expect(body.code).toBe("CONFIGURATION_ERROR");
    expect(() => loadConfig(withoutToken)).toThrow(/QSTASH_TOKEN is required/);
  });
});
