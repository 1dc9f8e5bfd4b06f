import { env } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signLocalToken } from "../../../../shared/auth/sign-token.ts";
import {
  type ApiCall,
  type Credentials,
  call,
  countRows,
  createWorkspace,
  idOf,
  tokenFor,
} from "../../../helpers/api.ts";
import { SEED_API_KEY, testSql, USERS } from "../../../helpers/db.ts";

// Attacks on every campaigns endpoint: no or bad credentials (401), a viewer writing (403),
// outsiders and other tenants' ids (404, never data) — and afterwards nothing has changed.
const sql = testSql();
let ws: string;
let otherWs: string;
let campaignId: string;
let foreignCampaign: string;
const tables = ["campaigns", "positionings", "campaign_cohorts", "events"] as const;
let before: Record<string, number>;

async function snapshot(): Promise<Record<string, number>> {
  const entries = await Promise.all(
    [ws, otherWs].flatMap((workspace) =>
      tables.map(async (table) => [`${workspace}:${table}`, await countRows(sql, table, workspace)] as const),
    ),
  );
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  ws = await createWorkspace(sql, {
    members: [
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
  otherWs = await createWorkspace(sql, { members: [[USERS.gina, "admin"]] });
  campaignId = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type) values (${ws}, 'Ours', 'awareness') returning id`,
  );
  foreignCampaign = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type) values (${otherWs}, 'Theirs', 'conversion') returning id`,
  );
  before = await snapshot();
});

afterAll(async () => {
  expect(await snapshot()).toEqual(before);
  const [ours] = await sql`select name, status from public.campaigns where id = ${campaignId}`;
  expect(ours).toEqual({ name: "Ours", status: "planning" });
});

type Route = [label: string, path: string, request: ApiCall];

/** Every campaigns route, aimed at `workspace` and `id`. */
function routes(workspace: string, id: string): { reads: Route[]; writes: Route[] } {
  const base = `/api/workspaces/${workspace}/campaigns`;
  return {
    reads: [
      ["list", base, {}],
      ["get", `${base}/${id}`, {}],
    ],
    writes: [
      ["create", base, { body: { name: "Intruder", objective_type: "awareness" } }],
      ["update", `${base}/${id}`, { method: "PATCH", body: { name: "Hijacked" } }],
      ["transition", `${base}/${id}/transitions`, { body: { to: "approved" } }],
      ["archive", `${base}/${id}/archive`, { method: "POST" }],
    ],
  };
}

async function expectAll(as: Credentials, list: Route[], status: number) {
  for (const [label, path, request] of list) {
    const res = await call(as, path, request);
    expect(res.status, `${label} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
    if (status >= 400) expect(JSON.stringify(res.body)).not.toContain("Theirs");
  }
}

/** Swaps the token's subject for another user's, keeping the original signature. */
function tamper(token: string, sub: string): string {
  const [header, payload, signature] = token.split(".");
  const claims = JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/")));
  const forged = btoa(JSON.stringify({ ...claims, sub }))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  return `${header}.${forged}.${signature}`;
}

describe("credentials", () => {
  it("every route refuses a request without credentials (401)", async () => {
    const { reads, writes } = routes(ws, campaignId);
    await expectAll(null, [...reads, ...writes], 401);
  });

  it("every route refuses expired, tampered, foreign-signed and role-escalating tokens (401)", async () => {
    const { reads, writes } = routes(ws, campaignId);
    const all = [...reads, ...writes];
    const expired = await tokenFor(USERS.ana, { expiresInSeconds: -120 });
    const tampered = tamper(await tokenFor(USERS.victor), USERS.ana.id);
    const foreignSigned = await signLocalToken({
      userId: USERS.ana.id,
      email: USERS.ana.email,
      supabaseUrl: env.SUPABASE_URL,
      jwtSecret: "not-the-real-secret-but-long-enough-0000000",
    });
    const escalated = await tokenFor(USERS.ana, { claims: { role: "service_role" } });
    for (const token of [expired, tampered, foreignSigned, escalated, "not.a.jwt"]) {
      await expectAll({ token }, all, 401);
    }
    await expectAll({ apiKey: "rfk_not_a_real_key_000000000000" }, all, 401);
  });
});

describe("roles", () => {
  it("a viewer reads but every write is 403", async () => {
    const { reads, writes } = routes(ws, campaignId);
    await expectAll(USERS.victor, reads, 200);
    await expectAll(USERS.victor, writes, 403);
  });
});

describe("tenancy", () => {
  it("a user of no workspace gets 404 on every route", async () => {
    const { reads, writes } = routes(ws, campaignId);
    await expectAll(USERS.nina, [...reads, ...writes], 404);
  });

  it("a member of another workspace gets 404 on every route of this one, even with its own ids", async () => {
    for (const id of [campaignId, foreignCampaign]) {
      const { reads, writes } = routes(ws, id);
      await expectAll(USERS.gina, [...reads, ...writes], 404);
    }
  });

  it("another workspace's campaign id under our workspace is 404", async () => {
    const { reads, writes } = routes(ws, foreignCampaign);
    await expectAll(USERS.ana, [...reads.slice(1), ...writes.slice(1)], 404);
  });

  it("our members cannot reach the other workspace, nor can another workspace's API key", async () => {
    const { reads, writes } = routes(otherWs, foreignCampaign);
    await expectAll(USERS.ana, [...reads, ...writes], 404);
    await expectAll({ apiKey: SEED_API_KEY.secret }, [...reads, ...writes], 404);
    await expectAll({ apiKey: SEED_API_KEY.secret }, routes(ws, campaignId).reads, 404);
  });

  it("lists never include another workspace's campaigns", async () => {
    const res = await call<{ data: { id: string }[] }>(
      USERS.ana,
      `/api/workspaces/${ws}/campaigns?status=planning,approved,active,paused,completed,archived&limit=100`,
    );
    expect(res.body.data.map((c) => c.id)).toEqual([campaignId]);
  });
});
