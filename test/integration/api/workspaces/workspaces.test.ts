import { beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceListResponse, WorkspaceResponse } from "../../../../functions/workspaces/index.ts";
import { call, createWorkspace, type ErrorBody } from "../../../helpers/api.ts";
import { SEED_API_KEY, type SeedUser, testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";

// GET /api/workspaces (outside any workspace) and GET /api/workspaces/:workspaceId.
const sql = testSql();
let archived: string;
// A user of this file alone, so no other file's workspaces can show up in their list.
const loner: SeedUser = { id: crypto.randomUUID(), email: `loner-${Date.now()}@example.test` };

beforeAll(async () => {
  await sql`
    insert into auth.users (instance_id, id, aud, role, email, encrypted_password, created_at, updated_at)
    values ('00000000-0000-0000-0000-000000000000', ${loner.id}, 'authenticated', 'authenticated', ${loner.email}, '', now(), now())`;
  archived = await createWorkspace(sql, { members: [[loner, "admin"]] });
  await sql`update public.workspaces set archived_at = now() where id = ${archived}`;
});

const roles = (page: WorkspaceListResponse) => Object.fromEntries(page.data.map((w) => [w.id, w.role]));

describe("GET /api/workspaces", () => {
  it("lists the caller's workspaces with their role in each", async () => {
    const res = await call<WorkspaceListResponse>(USERS.alice, "/api/workspaces?limit=100");
    expect(res.status).toBe(200);
    expect(roles(res.body)).toMatchObject({ [WORKSPACES.acmeGrowth]: "admin", [WORKSPACES.acmeBrand]: "analyst" });
    expect(roles(res.body)[WORKSPACES.globexLaunch]).toBeUndefined();
    const acme = res.body.data.find((w) => w.id === WORKSPACES.acmeGrowth);
    expect(acme).toMatchObject({ slug: "acme-growth", plan: "pro", name: "Acme Growth" });
  });

  it("is empty for someone in no (live) workspace, and hides archived ones", async () => {
    const res = await call<WorkspaceListResponse>(loner, "/api/workspaces");
    expect(res.body).toEqual({ data: [], next_cursor: null });
  });

  it("shows an API key its one workspace, in the key's role", async () => {
    const res = await call<WorkspaceListResponse>({ apiKey: SEED_API_KEY.secret }, "/api/workspaces");
    expect(roles(res.body)).toEqual({ [WORKSPACES.acmeGrowth]: "analyst" });
  });

  it("pages by name", async () => {
    const first = await call<WorkspaceListResponse>(USERS.alice, "/api/workspaces?limit=1");
    expect(first.body.data).toHaveLength(1);
    const second = await call<WorkspaceListResponse>(
      USERS.alice,
      `/api/workspaces?limit=1&cursor=${first.body.next_cursor}`,
    );
    expect(second.body.data[0]!.name >= first.body.data[0]!.name).toBe(true);
    expect(second.body.data[0]!.id).not.toBe(first.body.data[0]!.id);
  });

  it("needs authentication", async () => {
    expect((await call<ErrorBody>(null, "/api/workspaces")).body.code).toBe("AUTH_TOKEN_MISSING");
  });
});

describe("GET /api/workspaces/:workspaceId", () => {
  it("returns the workspace and the caller's role", async () => {
    const res = await call<WorkspaceResponse>(USERS.victor, `/api/workspaces/${WORKSPACES.acmeGrowth}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: WORKSPACES.acmeGrowth, role: "viewer", slug: "acme-growth" });
  });

  it("answers 404 to non-members (no probing) and for archived workspaces, 400 for a malformed id", async () => {
    expect((await call<ErrorBody>(USERS.gina, `/api/workspaces/${WORKSPACES.acmeGrowth}`)).body.code).toBe(
      "WORKSPACE_NOT_FOUND",
    );
    expect((await call(loner, `/api/workspaces/${archived}`)).status).toBe(404);
    expect((await call(USERS.alice, `/api/workspaces/${crypto.randomUUID()}`)).status).toBe(404);
    const malformed = await call<ErrorBody>(USERS.alice, "/api/workspaces/acme-growth");
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0]?.field).toBe("workspaceId");
  });
});
