import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataResponse, ListResponse } from "../../../../functions/campaigns/responses.ts";
import type { QuestChapter } from "../../../../functions/quests/index.ts";
import {
  call,
  countRows,
  createWorkspace,
  type ErrorBody,
  expectEach,
  idOf,
  type RouteCase,
} from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";

// Quest chapters through the real router: appended or placed, position clashes refused (409),
// completion stamped, deletions recorded as quest.updated; outsiders and viewers are refused.
const sql = testSql();
let ws: string;
let otherWs: string;
let questId: string;
let otherQuest: string;
let archivedQuest: string;
let foreignQuest: string;
let foreignChapter: string;
const path = (quest: string, suffix = "") => `/api/workspaces/${ws}/quests/${quest}/chapters${suffix}`;

beforeAll(async () => {
  ws = await createWorkspace(sql, {
    members: [
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
  otherWs = await createWorkspace(sql, { members: [[USERS.gina, "admin"]] });
  const campaign = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type) values (${ws}, 'Main', 'awareness') returning id`,
  );
  const archived = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type, status)
    values (${ws}, 'Old', 'awareness', 'archived') returning id`,
  );
  questId = idOf(
    await sql<{ id: string }[]>`
    insert into public.quests (workspace_id, campaign_id, name) values (${ws}, ${campaign}, 'Main quest') returning id`,
  );
  otherQuest = idOf(
    await sql<{ id: string }[]>`
    insert into public.quests (workspace_id, campaign_id, name) values (${ws}, ${campaign}, 'Other quest') returning id`,
  );
  archivedQuest = idOf(
    await sql<{ id: string }[]>`
    insert into public.quests (workspace_id, campaign_id, name) values (${ws}, ${archived}, 'Frozen') returning id`,
  );
  const foreignCampaign = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type) values (${otherWs}, 'Theirs', 'awareness') returning id`,
  );
  foreignQuest = idOf(
    await sql<{ id: string }[]>`
    insert into public.quests (workspace_id, campaign_id, name) values (${otherWs}, ${foreignCampaign}, 'Theirs') returning id`,
  );
  foreignChapter = idOf(
    await sql<{ id: string }[]>`
    insert into public.quest_chapters (workspace_id, quest_id, position, title)
    values (${otherWs}, ${foreignQuest}, 1, 'Their chapter') returning id`,
  );
});

const chapterEvents = (quest: string) =>
  sql<{ payload: { change: string; chapter_id: string } }[]>`
    select payload from public.events
    where workspace_id = ${ws} and event_type = 'quest.updated' and payload ->> 'quest_id' = ${quest}
    order by sequence`;

describe("chapters: happy paths", () => {
  it("appends chapters in order, or places one at a free position", async () => {
    const first = await call<DataResponse<QuestChapter>>(USERS.ana, path(questId), { body: { title: "One" } });
    expect(first.status).toBe(201);
    expect(first.headers.get("location")).toBe(path(questId, `/${first.body.data.id}`));
    expect(first.body.data).toMatchObject({ position: 1, status: "locked", objectives: [] });
    const placed = await call<DataResponse<QuestChapter>>(USERS.ana, path(questId), {
      body: { title: "Five", position: 5, objectives: ["Ship it"] },
    });
    expect(placed.body.data.position).toBe(5);
    const next = await call<DataResponse<QuestChapter>>(USERS.ana, path(questId), { body: { title: "Six" } });
    expect(next.body.data.position).toBe(6);

    const list = await call<ListResponse<QuestChapter>>(USERS.victor, path(questId));
    expect(list.body.data.map((c) => [c.position, c.title])).toEqual([
      [1, "One"],
      [5, "Five"],
      [6, "Six"],
    ]);
    const events = await chapterEvents(questId);
    expect(events.map((e) => e.payload.change)).toEqual(["chapter_added", "chapter_added", "chapter_added"]);
  });

  it("refuses a position that is taken (409), on add and on move", async () => {
    const clash = await call<ErrorBody>(USERS.ana, path(questId), { body: { title: "Clash", position: 5 } });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: "CHAPTER_POSITION_TAKEN", details: [{ field: "position" }] });
    const list = await call<ListResponse<QuestChapter>>(USERS.ana, path(questId));
    const one = list.body.data[0]!;
    const move = await call<ErrorBody>(USERS.ana, path(questId, `/${one.id}`), {
      method: "PATCH",
      body: { position: 6 },
    });
    expect(move.status).toBe(409);
    const same = await call<DataResponse<QuestChapter>>(USERS.ana, path(questId, `/${one.id}`), {
      method: "PATCH",
      body: { position: 1, title: "One again" },
    });
    expect(same.status).toBe(200);
  });

  it("stamps completion, pages in order and deletes with an event", async () => {
    const list = await call<ListResponse<QuestChapter>>(USERS.ana, path(questId, "?limit=2"));
    expect(list.body.data.map((c) => c.position)).toEqual([1, 5]);
    const rest = await call<ListResponse<QuestChapter>>(
      USERS.ana,
      path(questId, `?limit=2&cursor=${list.body.next_cursor}`),
    );
    expect(rest.body).toMatchObject({ data: [{ position: 6 }], next_cursor: null });

    const id = list.body.data[1]!.id;
    const done = await call<DataResponse<QuestChapter>>(USERS.ana, path(questId, `/${id}`), {
      method: "PATCH",
      body: { status: "completed" },
    });
    expect(done.body.data.completed_at).toEqual(expect.any(String));
    expect((await call(USERS.ana, path(questId, `/${id}`), { method: "DELETE" })).status).toBe(204);
    expect((await call(USERS.ana, path(questId, `/${id}`))).status).toBe(404);
    const events = await chapterEvents(questId);
    expect(events.at(-1)?.payload).toMatchObject({ change: "chapter_deleted", chapter_id: id });
  });

  it("does not reach a chapter through another quest", async () => {
    const list = await call<ListResponse<QuestChapter>>(USERS.ana, path(questId));
    const id = list.body.data[0]!.id;
    expect((await call(USERS.ana, path(otherQuest, `/${id}`))).status).toBe(404);
    expect((await call(USERS.ana, path(otherQuest, `/${id}`), { method: "PATCH", body: { title: "x" } })).status).toBe(
      404,
    );
    expect((await call(USERS.ana, path(otherQuest, `/${id}`), { method: "DELETE" })).status).toBe(404);
  });

  it("refuses chapter writes under an archived campaign (409)", async () => {
    const res = await call<ErrorBody>(USERS.ana, path(archivedQuest), { body: { title: "Late" } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("CAMPAIGN_ARCHIVED");
  });
});

describe("chapters: bad input, roles and tenancy change nothing", () => {
  let chapterId: string;
  let before: number[];
  const counts = () =>
    Promise.all([ws, otherWs].flatMap((w) => [countRows(sql, "quest_chapters", w), countRows(sql, "events", w)]));
  beforeAll(async () => {
    chapterId = idOf(
      await sql<{ id: string }[]>`
      insert into public.quest_chapters (workspace_id, quest_id, position, title)
      values (${ws}, ${otherQuest}, 1, 'Fixture') returning id`,
    );
    before = await counts();
  });
  afterAll(async () => {
    expect(await counts()).toEqual(before);
  });

  const cases: [string, unknown, string][] = [
    ["a missing title", { objectives: [] }, "title"],
    ["a blank title", { title: " " }, "title"],
    ["a position of zero", { title: "t", position: 0 }, "position"],
    ["a position beyond the limit", { title: "t", position: 1001 }, "position"],
    ["objectives that are not strings", { title: "t", objectives: [1] }, "objectives.0"],
    ["too many objectives", { title: "t", objectives: Array.from({ length: 51 }, (_, i) => `o${i}`) }, "objectives"],
    ["an unknown status", { title: "t", status: "done" }, "status"],
    ["an unknown field", { title: "t", quest_id: crypto.randomUUID() }, "quest_id"],
  ];
  it.each(cases)("create: %s → 400", async (_label, body, field) => {
    const res = await call<ErrorBody>(USERS.ana, path(otherQuest), { body });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.details.map((d) => d.field)).toContain(field);
  });

  it("update and path: empty bodies and invalid ids → 400", async () => {
    const empty = await call<ErrorBody>(USERS.ana, path(otherQuest, `/${chapterId}`), { method: "PATCH", body: {} });
    expect(empty.status).toBe(400);
    const badChapter = await call<ErrorBody>(USERS.ana, path(otherQuest, "/c1"));
    expect(badChapter.body.details.map((d) => d.field)).toContain("chapterId");
    const badQuest = await call<ErrorBody>(USERS.ana, `/api/workspaces/${ws}/quests/q1/chapters`, {
      body: { title: "t" },
    });
    expect(badQuest.status).toBe(400);
    expect(badQuest.body.details.map((d) => d.field)).toContain("questId");
    expect((await call(USERS.ana, path(otherQuest, "?sort=title"))).status).toBe(400);
  });

  const routes = (workspace: string, quest: string, chapter: string): { reads: RouteCase[]; writes: RouteCase[] } => {
    const base = `/api/workspaces/${workspace}/quests/${quest}/chapters`;
    return {
      reads: [
        ["list", base, {}],
        ["get", `${base}/${chapter}`, {}],
      ],
      writes: [
        ["create", base, { body: { title: "Intruder" } }],
        ["update", `${base}/${chapter}`, { method: "PATCH", body: { title: "Hijacked" } }],
        ["delete", `${base}/${chapter}`, { method: "DELETE" }],
      ],
    };
  };

  it("401 without credentials, 403 for a viewer's writes", async () => {
    const { reads, writes } = routes(ws, otherQuest, chapterId);
    await expectEach(null, [...reads, ...writes], 401);
    await expectEach(USERS.victor, reads, 200);
    await expectEach(USERS.victor, writes, 403);
  });

  it("404 for outsiders and for other tenants' quests and chapters", async () => {
    const { reads, writes } = routes(ws, otherQuest, chapterId);
    await expectEach(USERS.nina, [...reads, ...writes], 404);
    await expectEach(USERS.gina, [...reads, ...writes], 404);
    const foreign = routes(ws, foreignQuest, foreignChapter);
    await expectEach(USERS.ana, [...foreign.reads, ...foreign.writes], 404);
    const mixed = routes(ws, otherQuest, foreignChapter);
    await expectEach(USERS.ana, [...mixed.reads.slice(1), ...mixed.writes.slice(1)], 404);
    const theirs = routes(otherWs, foreignQuest, foreignChapter);
    await expectEach(USERS.ana, [...theirs.reads, ...theirs.writes], 404);
  });
});
