import { beforeAll, describe, expect, it } from "vitest";
import type { ApiKeyListResponse, CreatedApiKey, CreatedApiKeyResponse } from "../../../../functions/api-keys/index.ts";
import { hashApiKey } from "../../../../shared/auth/api-keys.ts";
import { call, createWorkspace, type ErrorBody, idOf } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";

// API keys: admins create (the secret is shown once), list (never secrets), revoke (the key
// stops working at once). Each write records its event.
const sql = testSql();
let ws: string;
const path = (suffix = "") => `/api/workspaces/${ws}/api-keys${suffix}`;

beforeAll(async () => {
  ws = await createWorkspace(sql, {
    members: [
      [USERS.alice, "admin"],
      [USERS.ana, "analyst"],
    ],
  });
});

async function create(body: Record<string, unknown> = {}): Promise<CreatedApiKey> {
  const res = await call<CreatedApiKeyResponse>(USERS.alice, path(), { body: { name: "CI", ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

describe("POST /api-keys", () => {
  it("returns the secret once, stores only its hash, and records api_key.created", async () => {
    const res = await call<CreatedApiKeyResponse>(USERS.alice, path(), { body: { name: "Zapier", role: "viewer" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const key = res.body.data;
    expect(res.headers.get("location")).toBe(path(`/${key.id}`));
    expect(key).toMatchObject({
      workspace_id: ws,
      name: "Zapier",
      role: "viewer",
      created_by: USERS.alice.id,
      revoked_at: null,
    });
    expect(key.secret).toMatch(/^rfk_[A-Za-z0-9]{40,}$/);
    expect(key.prefix).toBe(key.secret.slice(0, 13));
    expect(key).not.toHaveProperty("key_hash");

    const [stored] = await sql<{ key_hash: string }[]>`select key_hash from public.api_keys where id = ${key.id}`;
    expect(stored!.key_hash).toBe(await hashApiKey(key.secret));
    const [event] = await sql<{ actor_id: string; payload: Record<string, unknown> }[]>`
      select actor_id, payload from public.events
      where workspace_id = ${ws} and event_type = 'api_key.created' and payload ->> 'api_key_id' = ${key.id}`;
    expect(event).toEqual({
      actor_id: USERS.alice.id,
      payload: { api_key_id: key.id, name: "Zapier", prefix: key.prefix, role: "viewer" },
    });
    expect(JSON.stringify(event)).not.toContain(key.secret);
  });

  it("defaults to analyst and accepts a future expiry; refuses a past one", async () => {
    const key = await create({ expires_at: "2099-01-01T00:00:00Z" });
    expect(key).toMatchObject({ role: "analyst", expires_at: "2099-01-01T00:00:00.000Z" });
    const past = await call<ErrorBody>(USERS.alice, path(), {
      body: { name: "Old", expires_at: "2020-01-01T00:00:00Z" },
    });
    expect(past.status).toBe(400);
    expect(past.body.details[0]?.field).toBe("expires_at");
  });

  it("is for admins only", async () => {
    const res = await call<ErrorBody>(USERS.ana, path(), { body: { name: "Mine" } });
    expect(res.status).toBe(403);
    expect((await call(USERS.ana, path())).status).toBe(403);
  });
});

describe("GET /api-keys", () => {
  it("lists keys without secrets or hashes; revoked keys only on request", async () => {
    const live = await create({ name: "Live" });
    const gone = await create({ name: "Gone" });
    await call(USERS.alice, path(`/${gone.id}`), { method: "DELETE" });
    const res = await call<ApiKeyListResponse>(USERS.alice, path("?limit=100"));
    expect(res.status).toBe(200);
    const ids = res.body.data.map((k) => k.id);
    expect(ids).toContain(live.id);
    expect(ids).not.toContain(gone.id);
    for (const key of res.body.data) {
      expect(key).not.toHaveProperty("key_hash");
      expect(key).not.toHaveProperty("secret");
    }
    const all = await call<ApiKeyListResponse>(USERS.alice, path("?limit=100&include_revoked=true"));
    expect(all.body.data.map((k) => k.id)).toContain(gone.id);
  });
});

describe("DELETE /api-keys/:keyId", () => {
  const revokedAtOf = async (id: string) =>
    (await call<ApiKeyListResponse>(USERS.alice, path("?limit=100&include_revoked=true"))).body.data.find(
      (key) => key.id === id,
    )?.revoked_at;

  it("revokes: the key stops authenticating, one event, and revoking again changes nothing", async () => {
    const key = await create({ role: "viewer" });
    expect((await call({ apiKey: key.secret }, `/api/workspaces/${ws}/alerts`)).status).toBe(200);

    const revoked = await call(USERS.alice, path(`/${key.id}`), { method: "DELETE" });
    expect(revoked.status).toBe(204);
    expect(revoked.body).toBeNull();
    const revokedAt = await revokedAtOf(key.id);
    expect(revokedAt).toBeTruthy();
    const refused = await call<ErrorBody>({ apiKey: key.secret }, `/api/workspaces/${ws}/alerts`);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe("AUTH_API_KEY_REVOKED");

    const again = await call(USERS.alice, path(`/${key.id}`), { method: "DELETE" });
    expect(again.status).toBe(204);
    expect(await revokedAtOf(key.id)).toBe(revokedAt);
    const events = await sql`
      select 1 from public.events
      where workspace_id = ${ws} and event_type = 'api_key.revoked' and payload ->> 'api_key_id' = ${key.id}`;
    expect(events).toHaveLength(1);
  });

  it("answers 404 for another workspace's key", async () => {
    const other = await createWorkspace(sql, { members: [[USERS.alice, "admin"]] });
    const id = idOf(
      await sql<{ id: string }[]>`
      insert into public.api_keys (workspace_id, name, prefix, key_hash) values (${other}, 'Other', 'rfk_other', ${"a".repeat(64)})
      returning id`,
    );
    expect((await call(USERS.alice, path(`/${id}`), { method: "DELETE" })).status).toBe(404);
  });
});
