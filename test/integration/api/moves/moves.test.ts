import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataResponse, ListResponse } from "../../../../functions/campaigns/responses.ts";
import type { Move } from "../../../../functions/moves/index.ts";
import {
  call,
  countRows,
  createWorkspace,
  type ErrorBody,
  expectEach,
  idOf,
  type RouteCase,
  tokenFor,
} from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";

// Moves through the real router: create, read, update (completion stamps), list, delete, each
// write with its move.* event; bad input writes nothing; outsiders and viewers are refused.
const sql = testSql();
let ws: string;
let otherWs: string;
let campaignId: string;
let archivedCampaign: string;
let archivedMove: string;
let foreignCampaign: string;
let foreignMove: string;
let museGuild: string;
let museAgent: string;
let researchGuild: string;
const path = (suffix = "") => `/api/workspaces/${ws}/moves${suffix}`;

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
    insert into public.campaigns (workspace_id, name, objective_type) values (${ws}, 'Main', 'awareness') returning id`,
  );
  archivedCampaign = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type, status)
    values (${ws}, 'Old', 'awareness', 'archived') returning id`,
  );
  archivedMove = idOf(
    await sql<{ id: string }[]>`
    insert into public.moves (workspace_id, campaign_id, name, move_type)
    values (${ws}, ${archivedCampaign}, 'Frozen', 'email') returning id`,
  );
  foreignCampaign = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type) values (${otherWs}, 'Theirs', 'awareness') returning id`,
  );
  foreignMove = idOf(
    await sql<{ id: string }[]>`
    insert into public.moves (workspace_id, campaign_id, name, move_type)
    values (${otherWs}, ${foreignCampaign}, 'Their move', 'seo') returning id`,
  );
  museGuild = idOf(await sql<{ id: string }[]>`select id from public.guilds where slug = 'muse'`);
  researchGuild = idOf(await sql<{ id: string }[]>`select id from public.guilds where slug = 'research'`);
  museAgent = idOf(await sql<{ id: string }[]>`select id from public.agent_registry where code = 'MUSE-006'`);
});

const events = (moveId: string) =>
  sql<{ event_type: string; channel: string; payload: Record<string, unknown> }[]>`
    select event_type, channel, payload from public.events
    where workspace_id = ${ws} and payload ->> 'move_id' = ${moveId} order by sequence`;

describe("moves: happy paths", () => {
  it("creates a move with defaults and a move.created event on the execution channel", async () => {
    const res = await call<DataResponse<Move>>(USERS.ana, path(), {
      body: { campaign_id: campaignId, name: "Launch email", move_type: "email" },
    });
    expect(res.status).toBe(201);
    const move = res.body.data;
    expect(res.headers.get("location")).toBe(path(`/${move.id}`));
    expect(move).toMatchObject({
      campaign_id: campaignId,
      status: "planned",
      priority: "medium",
      position: 0,
      channel: null,
      completed_at: null,
      created_by: USERS.ana.id,
    });
    expect(await events(move.id)).toEqual([
      {
        event_type: "move.created",
        channel: "guild_execution",
        payload: {
          move_id: move.id,
          campaign_id: campaignId,
          name: "Launch email",
          move_type: "email",
          status: "planned",
        },
      },
    ]);
  });

  it("assigns a guild and its agent, stamps completion and clears it when reopened", async () => {
    const res = await call<DataResponse<Move>>(USERS.ana, path(), {
      body: {
        campaign_id: campaignId,
        name: "Pillar content",
        move_type: "content",
        channel: "web",
        priority: "high",
        guild_id: museGuild,
        agent_id: museAgent,
        due_at: "2027-03-15T16:00:00+02:00",
        position: 3,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.data.id;
    expect(res.body.data).toMatchObject({
      due_at: "2027-03-15T14:00:00.000Z",
      guild_id: museGuild,
      agent_id: museAgent,
    });

    const done = await call<DataResponse<Move>>(USERS.ana, path(`/${id}`), {
      method: "PATCH",
      body: { status: "completed" },
    });
    expect(done.status).toBe(200);
    expect(done.body.data.completed_at).toEqual(expect.any(String));
    const renamed = await call<DataResponse<Move>>(USERS.ana, path(`/${id}`), {
      method: "PATCH",
      body: { name: "Pillars" },
    });
    expect(renamed.body.data.completed_at).toBe(done.body.data.completed_at);
    const reopened = await call<DataResponse<Move>>(USERS.ana, path(`/${id}`), {
      method: "PATCH",
      body: { status: "in_progress", agent_id: null },
    });
    expect(reopened.body.data).toMatchObject({ status: "in_progress", completed_at: null, agent_id: null });
    const updates = (await events(id)).filter((e) => e.event_type === "move.updated");
    expect(updates.map((e) => e.payload.changed)).toEqual([["status"], ["name"], ["agent_id", "status"]]);
  });

  it("lists by campaign, status and type, sorted and paged", async () => {
    for (const [name, status, position] of [
      ["A", "blocked", 1],
      ["B", "planned", 2],
      ["C", "blocked", 3],
    ] as const) {
      await call(USERS.ana, path(), { body: { campaign_id: campaignId, name, move_type: "pr", status, position } });
    }
    const blocked = await call<ListResponse<Move>>(
      USERS.victor,
      path(`?campaign_id=${campaignId}&status=blocked&sort=position`),
    );
    expect(blocked.body.data.map((m) => m.name)).toEqual(["A", "C"]);
    const first = await call<ListResponse<Move>>(USERS.ana, path("?move_type=pr&sort=-position&limit=2"));
    expect(first.body.data.map((m) => m.name)).toEqual(["C", "B"]);
    const rest = await call<ListResponse<Move>>(
      USERS.ana,
      path(`?move_type=pr&sort=-position&limit=2&cursor=${first.body.next_cursor}`),
    );
    expect(rest.body).toMatchObject({ data: [{ name: "A" }], next_cursor: null });
    const none = await call<ListResponse<Move>>(USERS.ana, path(`?campaign_id=${foreignCampaign}`));
    expect(none.body.data).toEqual([]);
  });

  it("deletes a move with a move.deleted event", async () => {
    const { body } = await call<DataResponse<Move>>(USERS.ana, path(), {
      body: { campaign_id: campaignId, name: "Temporary", move_type: "social" },
    });
    const res = await call(USERS.ana, path(`/${body.data.id}`), { method: "DELETE" });
    expect(res.status).toBe(204);
    expect((await call(USERS.ana, path(`/${body.data.id}`))).status).toBe(404);
    expect((await events(body.data.id)).map((e) => e.event_type)).toEqual(["move.created", "move.deleted"]);
    expect((await call(USERS.ana, path(`/${body.data.id}`), { method: "DELETE" })).status).toBe(404);
  });

  it("keeps moves of an archived campaign read-only (409)", async () => {
    const create = await call<ErrorBody>(USERS.ana, path(), {
      body: { campaign_id: archivedCampaign, name: "Late", move_type: "email" },
    });
    expect(create.status).toBe(409);
    expect(create.body.code).toBe("CAMPAIGN_ARCHIVED");
    expect(
      (await call(USERS.ana, path(`/${archivedMove}`), { method: "PATCH", body: { name: "Thawed" } })).status,
    ).toBe(409);
    expect((await call(USERS.ana, path(`/${archivedMove}`), { method: "DELETE" })).status).toBe(409);
    expect((await call(USERS.ana, path(`/${archivedMove}`))).status).toBe(200);
  });
});

describe("moves: bad input writes nothing", () => {
  let before: [number, number];
  let existing: string;
  beforeAll(async () => {
    existing = idOf(
      await sql<{ id: string }[]>`
      insert into public.moves (workspace_id, campaign_id, name, move_type) values (${ws}, ${campaignId}, 'Fixture', 'seo') returning id`,
    );
    before = [await countRows(sql, "moves", ws), await countRows(sql, "events", ws)];
  });
  afterAll(async () => {
    expect([await countRows(sql, "moves", ws), await countRows(sql, "events", ws)]).toEqual(before);
  });

  const valid = () => ({ campaign_id: campaignId, name: "Valid", move_type: "email" });
  const createCases: [string, () => unknown, string][] = [
    ["a missing campaign_id", () => ({ name: "x", move_type: "email" }), "campaign_id"],
    ["a missing name", () => ({ campaign_id: campaignId, move_type: "email" }), "name"],
    ["a missing move_type", () => ({ campaign_id: campaignId, name: "x" }), "move_type"],
    ["an unknown move_type", () => ({ ...valid(), move_type: "telepathy" }), "move_type"],
    ["an unknown channel", () => ({ ...valid(), channel: "fax" }), "channel"],
    ["an unknown status", () => ({ ...valid(), status: "done" }), "status"],
    ["an unknown priority", () => ({ ...valid(), priority: "urgent" }), "priority"],
    ["a name over 200 characters", () => ({ ...valid(), name: "x".repeat(201) }), "name"],
    ["a name of the wrong type", () => ({ ...valid(), name: ["x"] }), "name"],
    ["a negative position", () => ({ ...valid(), position: -1 }), "position"],
    ["a fractional position", () => ({ ...valid(), position: 1.5 }), "position"],
    ["a due date without a time zone", () => ({ ...valid(), due_at: "2027-03-15T16:00:00" }), "due_at"],
    ["an impossible due date", () => ({ ...valid(), due_at: "2027-02-30T10:00:00Z" }), "due_at"],
    ["an invalid campaign UUID", () => ({ ...valid(), campaign_id: "campaign-1" }), "campaign_id"],
    ["an invalid guild UUID", () => ({ ...valid(), guild_id: 7 }), "guild_id"],
    ["an unknown field", () => ({ ...valid(), completed_at: "2027-01-01T00:00:00Z" }), "completed_at"],
  ];
  it.each(createCases)("create: %s → 400", async (_label, body, field) => {
    const res = await call<ErrorBody>(USERS.ana, path(), { body: body() });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.details.map((d) => d.field)).toContain(field);
  });

  it("create: references this workspace cannot use → 422", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ campaign_id: foreignCampaign }, "campaign_id"],
      [{ campaign_id: crypto.randomUUID() }, "campaign_id"],
      [{ guild_id: crypto.randomUUID() }, "guild_id"],
      [{ agent_id: crypto.randomUUID() }, "agent_id"],
      [{ guild_id: researchGuild, agent_id: museAgent }, "agent_id"],
    ];
    for (const [override, field] of cases) {
      const res = await call<ErrorBody>(USERS.ana, path(), { body: { ...valid(), ...override } });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body).toMatchObject({ code: "UNKNOWN_REFERENCE", details: [{ field }] });
    }
  });

  const patchCases: [string, unknown, string][] = [
    ["an empty body", {}, "json"],
    ["moving to another campaign", { campaign_id: crypto.randomUUID() }, "campaign_id"],
    ["an unknown status", { status: "finished" }, "status"],
    ["a null move_type", { move_type: null }, "move_type"],
    ["a blank name", { name: "" }, "name"],
  ];
  it.each(patchCases)("update: %s → 400", async (_label, body, field) => {
    const res = await call<ErrorBody>(USERS.ana, path(`/${existing}`), { method: "PATCH", body });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.details.map((d) => d.field)).toContain(field);
  });

  it("path and query: invalid ids and filters → 400", async () => {
    for (const [p, field] of [
      [path("/nope"), "moveId"],
      [path("?status=finished"), "status.0"],
      [path("?campaign_id=42"), "campaign_id"],
      [path("?sort=due_at"), "sort"],
      [path("?owner=me"), "owner"],
    ] as const) {
      const res = await call<ErrorBody>(USERS.ana, p);
      expect(res.status, p).toBe(400);
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
    expect((await call(USERS.ana, path("/nope"), { method: "DELETE" })).status).toBe(400);
  });
});

describe("moves: security", () => {
  const routes = (workspace: string, id: string): { reads: RouteCase[]; writes: RouteCase[] } => {
    const base = `/api/workspaces/${workspace}/moves`;
    return {
      reads: [
        ["list", base, {}],
        ["get", `${base}/${id}`, {}],
      ],
      writes: [
        ["create", base, { body: { campaign_id: campaignId, name: "Intruder", move_type: "email" } }],
        ["update", `${base}/${id}`, { method: "PATCH", body: { name: "Hijacked" } }],
        ["delete", `${base}/${id}`, { method: "DELETE" }],
      ],
    };
  };
  let before: number[];
  let ours: string;
  beforeAll(async () => {
    ours = idOf(
      await sql<{ id: string }[]>`
      insert into public.moves (workspace_id, campaign_id, name, move_type) values (${ws}, ${campaignId}, 'Ours', 'seo') returning id`,
    );
    before = await Promise.all([ws, otherWs].flatMap((w) => [countRows(sql, "moves", w), countRows(sql, "events", w)]));
  });
  afterAll(async () => {
    expect(
      await Promise.all([ws, otherWs].flatMap((w) => [countRows(sql, "moves", w), countRows(sql, "events", w)])),
    ).toEqual(before);
    const [row] = await sql`select name from public.moves where id = ${ours}`;
    expect(row).toEqual({ name: "Ours" });
  });

  it("refuses missing, expired and tampered credentials (401)", async () => {
    const { reads, writes } = routes(ws, ours);
    await expectEach(null, [...reads, ...writes], 401);
    await expectEach({ token: await tokenFor(USERS.ana, { expiresInSeconds: -60 }) }, [...reads, ...writes], 401);
    const [h, p] = (await tokenFor(USERS.ana)).split(".");
    await expectEach({ token: `${h}.${p}.c2lnbmF0dXJl` }, [...reads, ...writes], 401);
  });

  it("lets a viewer read and refuses every write (403)", async () => {
    const { reads, writes } = routes(ws, ours);
    await expectEach(USERS.victor, reads, 200);
    await expectEach(USERS.victor, writes, 403);
  });

  it("answers outsiders and other tenants' ids with 404", async () => {
    const { reads, writes } = routes(ws, ours);
    await expectEach(USERS.nina, [...reads, ...writes], 404);
    await expectEach(USERS.gina, [...reads, ...writes], 404);
    const foreign = routes(ws, foreignMove);
    await expectEach(USERS.ana, [...foreign.reads.slice(1), ...foreign.writes.slice(1)], 404);
    const theirs = routes(otherWs, foreignMove);
    await expectEach(USERS.ana, [...theirs.reads, ...theirs.writes], 404);
  });
});
