import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

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
