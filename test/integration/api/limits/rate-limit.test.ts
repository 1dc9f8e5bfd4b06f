import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../../functions/app.ts";
import { createWorkspace, type ErrorBody, tokenFor } from "../../../helpers/api.ts";
import { type SeedUser, testSql } from "../../../helpers/db.ts";

// Per-plan rate limits, with limits lowered through RATE_LIMIT_PLANS on an app of this file's
// own (createApp + app.request with an env override), so the rest of the suite keeps its
// limits. Limiters are keyed by their limit, and every user and workspace here is new, so
// neither other files nor earlier runs (Redis outlives a run) share these counters.
const sql = testSql();
const app = createApp();

function newUser(label: string): SeedUser {
  return { id: crypto.randomUUID(), email: `${label}-${crypto.randomUUID().slice(0, 8)}@limits.test` };
}

async function insertUsers(users: SeedUser[]) {
  for (const user of users) {
    await sql`
      insert into auth.users (instance_id, id, aud, role, email, encrypted_password, created_at, updated_at)
      values ('00000000-0000-0000-0000-000000000000', ${user.id}, 'authenticated', 'authenticated', ${user.email}, '', now(), now())`;
  }
}

function withPlans(plans: Record<string, { perUserPerMinute: number; perWorkspacePerMinute: number }>) {
  const limited = { ...env, RATE_LIMIT_PLANS: JSON.stringify(plans) };
  return async (user: SeedUser, path: string) =>
    app.request(
      path,
      { headers: { authorization: `Bearer ${await tokenFor(user)}` } },
      limited,
      createExecutionContext(),
    );
}

async function expectLimited(res: Response, limit: number) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = await res.json<ErrorBody & { request_id: string }>();
  expect(body).toMatchObject({ status: "error", code: "RATE_LIMITED" });
  expect(body.error).toContain(`${limit} requests per minute`);
  expect(body.request_id).toBeTruthy();
}

describe("per-user limit of the workspace's plan", () => {
  const [first, second] = [newUser("first"), newUser("second")];
  let ws: string;
  const request = withPlans({ free: { perUserPerMinute: 3, perWorkspacePerMinute: 1000 } });

  beforeAll(async () => {
    await insertUsers([first, second]);
    ws = await createWorkspace(sql, {
      plan: "free",
      members: [
        [first, "viewer"],
        [second, "viewer"],
      ],
    });
  });

  it("answers 429 with Retry-After once a user exceeds it; other users are unaffected", async () => {
    const path = `/api/workspaces/${ws}/alerts`;
    for (let i = 1; i <= 3; i++) {
      const res = await request(first, path);
      expect(res.status, `request ${i}`).toBe(200);
      expect(res.headers.get("x-ratelimit-limit")).toBe("3");
      expect(res.headers.get("x-ratelimit-remaining")).toBe(String(3 - i));
    }
    await expectLimited(await request(first, path), 3);
    expect((await request(second, path)).status).toBe(200);
  });
});

describe("per-workspace limit of the workspace's plan", () => {
  const users = [newUser("a"), newUser("b"), newUser("c")];
  let ws: string;
  const request = withPlans({ pro: { perUserPerMinute: 1000, perWorkspacePerMinute: 2 } });

  beforeAll(async () => {
    await insertUsers(users);
    ws = await createWorkspace(sql, { plan: "pro", members: users.map((user) => [user, "viewer"] as const) });
  });

  it("limits the workspace as a whole, whoever calls", async () => {
    const path = `/api/workspaces/${ws}/members`;
    expect((await request(users[0]!, path)).status).toBe(200);
    expect((await request(users[1]!, path)).status).toBe(200);
    await expectLimited(await request(users[2]!, path), 2);
  });
});

describe("GET /api/workspaces, outside any workspace", () => {
  const user = newUser("lister");
  const request = withPlans({ free: { perUserPerMinute: 2, perWorkspacePerMinute: 1000 } });

  beforeAll(async () => {
    await insertUsers([user]);
  });

  it("is limited per user at the free plan's rate", async () => {
    expect((await request(user, "/api/workspaces")).status).toBe(200);
    expect((await request(user, "/api/workspaces")).status).toBe(200);
    await expectLimited(await request(user, "/api/workspaces"), 2);
  });
});
