import { describe, expect, it } from "vitest";
import {
  invitationMailer,
  recordOnlyMailer,
  supabaseInvitationMailer,
} from "../../../../functions/workspaces/invitations/mailer.ts";
import type { Config } from "../../../../shared/config/config.ts";

// The invitation mailer: which adapter a deployment gets, and what the Supabase adapter sends
// (through an injected fetch, so no request leaves the test).
const message = {
  email: "new@example.test",
  workspaceId: "0b000000-0000-4000-8000-000000000001",
  invitationId: "0e000000-0000-4000-8000-000000000001",
  role: "analyst",
  token: "secret-token",
  expiresAt: new Date("2027-01-01T00:00:00Z"),
};
const JWT_KEY = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJl";

const config = (overrides: Partial<Config>) =>
  ({ SUPABASE_URL: "https://project.supabase.co", ENVIRONMENT: "production", ...overrides }) as Config;

describe("invitationMailer", () => {
  it.each([
    ["local", JWT_KEY, "recorded"],
    ["test", JWT_KEY, "recorded"],
    ["production", "local-service-role-key", "recorded"],
    ["production", undefined, "recorded"],
    ["production", JWT_KEY, "supabase"],
    ["staging", "sb_secret_abcdefghijklmnopqrstuvwxyz", "supabase"],
  ] as const)("%s with key %s → %s", (environment, key, expected) => {
    const mailer = invitationMailer(config({ ENVIRONMENT: environment, SUPABASE_SERVICE_ROLE_KEY: key }));
    expect(mailer === recordOnlyMailer ? "recorded" : "supabase").toBe(expected);
  });
});

describe("supabaseInvitationMailer", () => {
  function capture(response: { status: number; body: unknown }) {
    const requests: { url: string; method: string; headers: Headers; body: unknown }[] = [];
    const fetcher: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      requests.push({
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: await request.json(),
      });
      return new Response(JSON.stringify(response.body), {
        status: response.status,
        headers: { "content-type": "application/json" },
      });
    };
    return { requests, fetcher };
  }

  it("calls Auth's admin invite with the service key and the invitation in user metadata", async () => {
    const { requests, fetcher } = capture({ status: 200, body: { id: crypto.randomUUID(), email: message.email } });
    const mailer = supabaseInvitationMailer({
      supabaseUrl: "https://project.supabase.co",
      serviceRoleKey: JWT_KEY,
      fetch: fetcher,
    });
    expect(await mailer.deliver(message)).toBe("email");
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.url).toBe("https://project.supabase.co/auth/v1/invite");
    expect(request!.method).toBe("POST");
    expect(request!.headers.get("authorization")).toBe(`Bearer ${JWT_KEY}`);
    expect(request!.body).toMatchObject({
      email: message.email,
      data: {
        workspace_id: message.workspaceId,
        invitation_id: message.invitationId,
        invitation_token: message.token,
        role: "analyst",
      },
    });
  });

  it("keeps the invitation for an address that already has an account", async () => {
    const { fetcher } = capture({ status: 422, body: { code: 422, error_code: "email_exists", msg: "exists" } });
    const mailer = supabaseInvitationMailer({
      supabaseUrl: "https://p.supabase.co",
      serviceRoleKey: JWT_KEY,
      fetch: fetcher,
    });
    expect(await mailer.deliver(message)).toBe("recorded");
  });

  it("fails with 502 when Auth cannot send", async () => {
    const { fetcher } = capture({
      status: 500,
      body: { code: 500, error_code: "unexpected_failure", msg: "smtp down" },
    });
    const mailer = supabaseInvitationMailer({
      supabaseUrl: "https://p.supabase.co",
      serviceRoleKey: JWT_KEY,
      fetch: fetcher,
    });
    await expect(mailer.deliver(message)).rejects.toMatchObject({ status: 502, code: "INVITATION_DELIVERY_FAILED" });
  });
});
