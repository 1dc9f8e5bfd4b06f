import { beforeAll, describe, expect, it } from "vitest";
import type { MemberListResponse, MemberResponse } from "../../../../functions/workspaces/members/index.ts";
import { call, countRows, createWorkspace, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";

// Members: list (everyone), change role and remove (admins), and the last admin that stays.
const sql = testSql();
let ws: string;
const path = (suffix = "") => `/api/workspaces/${ws}/members${suffix}`;

beforeAll(async () => {
  ws = await createWorkspace(sql, {
    members: [
      [USERS.alice, "admin"],
      [USERS.oliver, "analyst"],
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
});

const memberEvents = (type: string) =>
  sql<{ actor_id: string; payload: Record<string, unknown> }[]>`
    select actor_id, payload from public.events where workspace_id = ${ws} and event_type = ${type} order by sequence`;

describe("GET /members", () => {
  it("lists members with roles and display names, to any member", async () => {
    const res = await call<MemberListResponse>(USERS.victor, path());
    expect(res.status).toBe(200);
    const byUser = Object.fromEntries(res.body.data.map((m) => [m.user_id, m]));
    expect(byUser[USERS.alice.id]).toMatchObject({ role: "admin", display_name: "Alice Admin", workspace_id: ws });
    expect(byUser[USERS.victor.id]).toMatchObject({ role: "viewer", display_name: "Victor Viewer" });
  });

  it("filters by role", async () => {
    const res = await call<MemberListResponse>(USERS.victor, path("?role=analyst"));
    expect(res.body.data.map((m) => m.user_id).sort()).toEqual([USERS.oliver.id, USERS.ana.id].sort());
  });
});

describe("PATCH /members/:userId", () => {
  it("changes a role and records member.role_changed", async () => {
    const res = await call<MemberResponse>(USERS.alice, path(`/${USERS.oliver.id}`), {
      method: "PATCH",
      body: { role: "lord_operator" },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ user_id: USERS.oliver.id, role: "lord_operator" });
    expect(await memberEvents("member.role_changed")).toContainEqual({
      actor_id: USERS.alice.id,
      payload: { user_id: USERS.oliver.id, from: "analyst", to: "lord_operator" },
    });
  });

  it("refuses non-admins, unknown roles and non-members", async () => {
    const analyst = await call<ErrorBody>(USERS.ana, path(`/${USERS.victor.id}`), {
      method: "PATCH",
      body: { role: "admin" },
    });
    expect(analyst.status).toBe(403);
    const role = await call<ErrorBody>(USERS.alice, path(`/${USERS.victor.id}`), {
      method: "PATCH",
      body: { role: "owner" },
    });
    expect(role.status).toBe(400);
    expect(role.body.details[0]?.field).toBe("role");
    const stranger = await call<ErrorBody>(USERS.alice, path(`/${USERS.gina.id}`), {
      method: "PATCH",
      body: { role: "viewer" },
    });
    expect(stranger.body.code).toBe("MEMBER_NOT_FOUND");
  });

  it("refuses to demote the last admin with 409, leaving no event behind", async () => {
    const before = await countRows(sql, "events", ws);
    const res = await call<ErrorBody>(USERS.alice, path(`/${USERS.alice.id}`), {
      method: "PATCH",
      body: { role: "viewer" },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("LAST_ADMIN");
    expect(await countRows(sql, "events", ws)).toBe(before);
  });

  it("lets an admin step down when another admin remains", async () => {
    const other = await createWorkspace(sql, {
      members: [
        [USERS.alice, "admin"],
        [USERS.bruno, "admin"],
      ],
    });
    const res = await call<MemberResponse>(USERS.alice, `/api/workspaces/${other}/members/${USERS.alice.id}`, {
      method: "PATCH",
      body: { role: "viewer" },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.role).toBe("viewer");
    // The event was written while alice was still an admin, in the same transaction.
    expect(await countRows(sql, "events", other)).toBe(1);
  });
});

describe("DELETE /members/:userId", () => {
  it("removes a member and records member.removed; they lose access at once", async () => {
    const res = await call(USERS.alice, path(`/${USERS.victor.id}`), { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(await memberEvents("member.removed")).toContainEqual({
      actor_id: USERS.alice.id,
      payload: { user_id: USERS.victor.id, role: "viewer" },
    });
    expect((await call(USERS.victor, path())).status).toBe(404);
    expect((await call(USERS.alice, path(`/${USERS.victor.id}`), { method: "DELETE" })).status).toBe(404);
  });

  it("refuses to remove the last admin with 409", async () => {
    const res = await call<ErrorBody>(
      USERS.gina,
      `/api/workspaces/${WORKSPACES.globexLaunch}/members/${USERS.gina.id}`,
      {
        method: "DELETE",
      },
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("LAST_ADMIN");
  });

  it("is for admins only", async () => {
    expect((await call(USERS.ana, path(`/${USERS.oliver.id}`), { method: "DELETE" })).status).toBe(403);
  });
});
