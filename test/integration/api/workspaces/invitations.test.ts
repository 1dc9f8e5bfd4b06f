import { beforeAll, describe, expect, it } from "vitest";
import type {
  CreatedInvitationResponse,
  InvitationListResponse,
} from "../../../../functions/workspaces/invitations/index.ts";
import { call, countRows, createWorkspace, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";

// Invitations: admins invite by email; only the token's hash is stored; in tests the
// invitation is recorded, not emailed (mailer.test.ts covers the Supabase adapter).
const sql = testSql();
let ws: string;
const path = (suffix = "") => `/api/workspaces/${ws}/invitations${suffix}`;

beforeAll(async () => {
  ws = await createWorkspace(sql, {
    members: [
      [USERS.alice, "admin"],
      [USERS.ana, "analyst"],
    ],
  });
});

describe("POST /invitations", () => {
  it("records an invitation with a hashed token and an expiry, and member.invited", async () => {
    const started = Date.now();
    const res = await call<CreatedInvitationResponse>(USERS.alice, path(), {
      body: { email: "  New.Person@Example.TEST ", role: "analyst", expires_in_days: 3 },
    });
    expect(res.status).toBe(201);
    const invitation = res.body.data;
    expect(invitation).toMatchObject({
      workspace_id: ws,
      email: "new.person@example.test",
      role: "analyst",
      invited_by: USERS.alice.id,
      accepted_at: null,
      delivery: "recorded",
    });
    expect(JSON.stringify(res.body)).not.toMatch(/token/);
    const days = (Date.parse(invitation.expires_at) - started) / 86_400_000;
    expect(days).toBeGreaterThan(2.99);
    expect(days).toBeLessThan(3.01);

    const [stored] = await sql<
      { token_hash: string }[]
    >`select token_hash from public.invitations where id = ${invitation.id}`;
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const [event] = await sql<{ actor_id: string; payload: Record<string, unknown> }[]>`
      select actor_id, payload from public.events where workspace_id = ${ws} and event_type = 'member.invited'`;
    // Every member reads events; only admins may see who was invited.
    expect(event).toEqual({ actor_id: USERS.alice.id, payload: { invitation_id: invitation.id, role: "analyst" } });
  });

  it("defaults to viewer for 7 days", async () => {
    const res = await call<CreatedInvitationResponse>(USERS.alice, path(), { body: { email: "default@example.test" } });
    const invitation = res.body.data;
    expect(invitation.role).toBe("viewer");
    const days = (Date.parse(invitation.expires_at) - Date.parse(invitation.created_at)) / 86_400_000;
    expect(Math.round(days)).toBe(7);
  });

  it("answers 409 while the address has a pending invitation", async () => {
    await call(USERS.alice, path(), { body: { email: "twice@example.test" } });
    const before = await countRows(sql, "invitations", ws);
    const res = await call<ErrorBody>(USERS.alice, path(), { body: { email: "TWICE@example.test", role: "admin" } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("INVITATION_PENDING");
    expect(await countRows(sql, "invitations", ws)).toBe(before);
  });

  it("refuses non-admins and bad input", async () => {
    expect((await call(USERS.ana, path(), { body: { email: "x@example.test" } })).status).toBe(403);
    const bad = await call<ErrorBody>(USERS.alice, path(), {
      body: { email: "not-an-email", role: "owner", expires_in_days: 90 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d) => d.field).sort()).toEqual(["email", "expires_in_days", "role"]);
  });
});

describe("GET /invitations", () => {
  it("lists pending invitations to admins, without tokens", async () => {
    await sql`
      insert into public.invitations (workspace_id, email, token_hash, expires_at)
      values (${ws}, 'expired@example.test', ${"e".repeat(64)}, now() - interval '1 day')`;
    const res = await call<InvitationListResponse>(USERS.alice, path("?limit=100"));
    expect(res.status).toBe(200);
    const emails = res.body.data.map((i) => i.email);
    expect(emails).toContain("new.person@example.test");
    expect(emails).not.toContain("expired@example.test");
    expect(JSON.stringify(res.body)).not.toMatch(/token/);
    expect((await call(USERS.ana, path())).status).toBe(403);
  });
});
