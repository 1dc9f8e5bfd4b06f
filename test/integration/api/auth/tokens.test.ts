import { env } from "cloudflare:test";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import type { WorkspaceListResponse } from "../../../../functions/workspaces/index.ts";
import { api, call, type ErrorBody, tokenFor } from "../../../helpers/api.ts";
import { USERS, WORKSPACES } from "../../../helpers/db.ts";

// Access tokens: each way a token can be wrong is a 401 whose code (and, for claims, message)
// says which check failed, on workspace-scoped and unscoped routes alike.
const scoped = `/api/workspaces/${WORKSPACES.acmeGrowth}/alerts`;
const unscoped = "/api/workspaces";

async function refused(headers: Record<string, string>): Promise<ErrorBody[]> {
  const bodies: ErrorBody[] = [];
  for (const path of [scoped, unscoped]) {
    const res = await api(null, path, { headers });
    expect(res.status, path).toBe(401);
    const body = await res.json<ErrorBody & { request_id: string }>();
    expect(body).toMatchObject({ status: "error", status_code: 401 });
    expect(body.request_id).toBeTruthy();
    bodies.push(body);
  }
  expect(bodies[0]!.code).toBe(bodies[1]!.code);
  return bodies;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function sign(claims: Record<string, unknown>, options: { secret?: string; alg?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: "authenticated", email: USERS.ana.email, ...claims })
    .setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT" })
    .setSubject(USERS.ana.id)
    .setAudience((claims.aud as string) ?? "authenticated")
    .setIssuer((claims.iss as string) ?? new URL("/auth/v1", env.SUPABASE_URL).toString())
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(options.secret ?? env.SUPABASE_JWT_SECRET));
}

describe("access tokens", () => {
  it("accepts a valid token", async () => {
    expect((await call<WorkspaceListResponse>(USERS.ana, unscoped)).status).toBe(200);
    expect((await call(USERS.ana, scoped)).status).toBe(200);
  });

  it("missing → AUTH_TOKEN_MISSING", async () => {
    const [body] = await refused({});
    expect(body!.code).toBe("AUTH_TOKEN_MISSING");
  });

  it.each([
    ["a non-Bearer scheme", { authorization: "Token abc" }],
    ["Bearer without a token", { authorization: "Bearer" }],
    ["a token that is not a JWT", bearer("not-a-jwt")],
    ["a JWT missing its signature segment", bearer("eyJhbGciOiJIUzI1NiJ9.e30")],
  ])("malformed (%s) → AUTH_TOKEN_MALFORMED", async (_label, headers) => {
    const [body] = await refused(headers);
    expect(body!.code).toBe("AUTH_TOKEN_MALFORMED");
  });

  it("an unsigned (alg none) token → AUTH_TOKEN_MALFORMED", async () => {
    const header = btoa(JSON.stringify({ alg: "none", typ: "JWT" })).replace(/=+$/, "");
    const payload = btoa(JSON.stringify({ sub: USERS.ana.id, role: "authenticated", aud: "authenticated" })).replace(
      /=+$/,
      "",
    );
    const [body] = await refused(bearer(`${header}.${payload}.`));
    expect(body!.code).toBe("AUTH_TOKEN_MALFORMED");
  });

  it("expired → AUTH_TOKEN_EXPIRED", async () => {
    const [body] = await refused(bearer(await tokenFor(USERS.ana, { expiresInSeconds: -60 })));
    expect(body!.code).toBe("AUTH_TOKEN_EXPIRED");
  });

  it("signed with another secret → AUTH_TOKEN_BAD_SIGNATURE", async () => {
    const token = await sign({}, { secret: "another-secret-that-is-long-enough-to-sign-with" });
    const [body] = await refused(bearer(token));
    expect(body!.code).toBe("AUTH_TOKEN_BAD_SIGNATURE");
  });

  it.each([
    ["aud", { aud: "anon" }],
    ["iss", { iss: "https://evil.example/auth/v1" }],
    ["role", { role: "service_role" }],
    ["role", { role: "anon" }],
  ])("a wrong %s claim → AUTH_TOKEN_INVALID_CLAIMS naming it", async (claim, claims) => {
    const [body] = await refused(bearer(await sign(claims)));
    expect(body!.code).toBe("AUTH_TOKEN_INVALID_CLAIMS");
    expect(body!.error).toContain(claim);
  });

  it("a valid token of someone outside the workspace is a 404, not a 401", async () => {
    const res = await call<ErrorBody>(USERS.nina, scoped);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("WORKSPACE_NOT_FOUND");
  });
});
