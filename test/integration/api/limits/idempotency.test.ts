import { beforeAll, describe, expect, it } from "vitest";
import type { AlertResponse } from "../../../../functions/alerts/index.ts";
import { api, call, countRows, createWorkspace, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";

// Idempotency-Key on creating POSTs, through the real router: a retry replays the first
// response and writes nothing; reusing a key for another body is a 422; a malformed key a 400.
// Keys are random per run: stored responses outlive the run in Redis.
const sql = testSql();
let ws: string;
const path = () => `/api/workspaces/${ws}/alerts`;
const body = { alert_type: "quality", severity: "warning", title: "Brand voice drift" };
const newKey = () => `test-${crypto.randomUUID()}`;

beforeAll(async () => {
  ws = await createWorkspace(sql, {
    members: [
      [USERS.ana, "analyst"],
      [USERS.oliver, "analyst"],
    ],
  });
});

const counts = async () => ({ alerts: await countRows(sql, "alerts", ws), events: await countRows(sql, "events", ws) });

describe("Idempotency-Key", () => {
  it("replays the first response for the same key and body, writing one row and one event", async () => {
    const before = await counts();
    const key = newKey();
    const first = await call<AlertResponse>(USERS.ana, path(), { body, headers: { "idempotency-key": key } });
    const retry = await call<AlertResponse>(USERS.ana, path(), { body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await counts()).toEqual({ alerts: before.alerts + 1, events: before.events + 1 });
  });

  it("answers 422 when the key is reused with a different body, writing nothing", async () => {
    const key = newKey();
    await call(USERS.ana, path(), { body, headers: { "idempotency-key": key } });
    const before = await counts();
    const res = await call<ErrorBody>(USERS.ana, path(), {
      body: { ...body, title: "Something else" },
      headers: { "idempotency-key": key },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["too short", "short"],
    ["with spaces", "not a valid key"],
    ["too long", "k".repeat(129)],
  ])("answers 400 for a key %s, writing nothing", async (_label, key) => {
    const before = await counts();
    const res = await call<ErrorBody>(USERS.ana, path(), { body, headers: { "idempotency-key": key } });
    expect(res.status).toBe(400);
    expect(res.body.details[0]?.field).toBe("idempotency-key");
    expect(await counts()).toEqual(before);
  });

  it("scopes keys to the caller: another user's identical request is their own", async () => {
    const key = newKey();
    const before = await counts();
    const mine = await call<AlertResponse>(USERS.ana, path(), { body, headers: { "idempotency-key": key } });
    const theirs = await call<AlertResponse>(USERS.oliver, path(), { body, headers: { "idempotency-key": key } });
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.body.data.id).not.toBe(mine.body.data.id);
    expect((await counts()).alerts).toBe(before.alerts + 2);
  });

  it("never stores or replays a response that carried a secret (API key creation)", async () => {
    const adminWs = await createWorkspace(sql, { members: [[USERS.alice, "admin"]] });
    const key = newKey();
    const keyPath = `/api/workspaces/${adminWs}/api-keys`;
    const keyBody = { name: "CI deploys", role: "viewer" };
    const first = await call<{ key?: string; secret?: string }>(USERS.alice, keyPath, {
      body: keyBody,
      headers: { "idempotency-key": key },
    });
    expect(first.status).toBe(201);
    const retry = await call<ErrorBody>(USERS.alice, keyPath, { body: keyBody, headers: { "idempotency-key": key } });
    expect(retry.status).toBe(409);
    expect(retry.body.code).toBe("IDEMPOTENT_RESPONSE_NOT_REPLAYABLE");
    expect(JSON.stringify(retry.body)).not.toContain("rfk_");
    expect(await countRows(sql, "api_keys", adminWs)).toBe(1);
  });

  it("different keys are different requests", async () => {
    const before = await counts();
    await api(USERS.ana, path(), { body, headers: { "idempotency-key": newKey() } });
    await api(USERS.ana, path(), { body, headers: { "idempotency-key": newKey() } });
    expect((await counts()).alerts).toBe(before.alerts + 2);
  });
});
