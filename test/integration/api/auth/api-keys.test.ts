import { beforeAll, describe, expect, it } from "vitest";
import type { AlertResponse } from "../../../../functions/alerts/index.ts";
import type { CreatedApiKey, CreatedApiKeyResponse } from "../../../../functions/api-keys/index.ts";
import { call, createWorkspace, type ErrorBody } from "../../../helpers/api.ts";
import { SEED_API_KEY, testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";

// Service API keys (`x-api-key`): a key acts in its one workspace with its own role, never its
// creator's, and stops working when revoked or expired.
const sql = testSql();
const seedKey = { apiKey: SEED_API_KEY.secret };
const acme = (suffix: string) => `/api/workspaces/${WORKSPACES.acmeGrowth}${suffix}`;

describe("the seeded analyst key of acme-growth", () => {
  it("reads its workspace", async () => {
    expect((await call(seedKey, acme("/alerts"))).status).toBe(200);
    expect((await call(seedKey, acme("/members"))).status).toBe(200);
  });

  it("does not reach other workspaces, even those its creator (alice) belongs to", async () => {
    for (const ws of [WORKSPACES.acmeBrand, WORKSPACES.globexLaunch]) {
      const res = await call<ErrorBody>(seedKey, `/api/workspaces/${ws}/alerts`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("WORKSPACE_NOT_FOUND");
    }
  });

  it("acts with its own role: analyst writes are allowed, admin ones are not (though alice is admin)", async () => {
    const created = await call<AlertResponse>(seedKey, acme("/alerts"), {
      body: { alert_type: "system", severity: "info", title: "Raised by the CI key" },
    });
    expect(created.status).toBe(201);
    const [event] = await sql<{ actor_id: string }[]>`
      select actor_id from public.events where payload ->> 'alert_id' = ${created.body.data.id}`;
    // RLS sees the key's creator as the actor; the key's role decides what it may do.
    expect(event!.actor_id).toBe(USERS.alice.id);
    for (const [path, body] of [
      [acme("/api-keys"), { name: "escalation" }],
      [acme("/invitations"), { email: "x@example.test" }],
    ] as const) {
      const res = await call<ErrorBody>(seedKey, path, { body });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("INSUFFICIENT_ROLE");
    }
  });
});

describe("bad keys", () => {
  let ws: string;
  let viewerKey: CreatedApiKey;

  beforeAll(async () => {
    ws = await createWorkspace(sql, { members: [[USERS.alice, "admin"]] });
    viewerKey = (
      await call<CreatedApiKeyResponse>(USERS.alice, `/api/workspaces/${ws}/api-keys`, {
        body: { name: "ro", role: "viewer" },
      })
    ).body.data;
  });

  it("a viewer key reads but cannot write", async () => {
    const key = { apiKey: viewerKey.secret };
    expect((await call(key, `/api/workspaces/${ws}/alerts`)).status).toBe(200);
    const res = await call<ErrorBody>(key, `/api/workspaces/${ws}/alerts`, {
      body: { alert_type: "system", severity: "info", title: "x" },
    });
    expect(res.status).toBe(403);
  });

  it.each([
    ["malformed", "not-a-key", "AUTH_API_KEY_INVALID"],
    ["unknown", `rfk_${"Z".repeat(43)}`, "AUTH_API_KEY_INVALID"],
  ])("%s → 401 %s", async (_label, secret, code) => {
    const res = await call<ErrorBody>({ apiKey: secret }, `/api/workspaces/${ws}/alerts`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(code);
  });

  it("revoked → 401 AUTH_API_KEY_REVOKED", async () => {
    const key = (
      await call<CreatedApiKeyResponse>(USERS.alice, `/api/workspaces/${ws}/api-keys`, { body: { name: "tmp" } })
    ).body.data;
    await call(USERS.alice, `/api/workspaces/${ws}/api-keys/${key.id}`, { method: "DELETE" });
    const res = await call<ErrorBody>({ apiKey: key.secret }, `/api/workspaces/${ws}/alerts`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("AUTH_API_KEY_REVOKED");
  });

  it("expired → 401 AUTH_API_KEY_EXPIRED", async () => {
    const key = (
      await call<CreatedApiKeyResponse>(USERS.alice, `/api/workspaces/${ws}/api-keys`, { body: { name: "short" } })
    ).body.data;
    await sql`update public.api_keys set expires_at = now() - interval '1 minute' where id = ${key.id}`;
    const res = await call<ErrorBody>({ apiKey: key.secret }, `/api/workspaces/${ws}/alerts`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("AUTH_API_KEY_EXPIRED");
  });
});
