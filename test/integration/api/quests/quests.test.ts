import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataResponse, ListResponse } from "../../../../functions/campaigns/responses.ts";
import type { Quest, QuestWithChapters } from "../../../../functions/quests/index.ts";
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

// Quests through the real router: created with chapters and success metrics, progress computed
// from the metrics, updated, listed and deleted, each write with its quest.* event; bad input
// and outsiders change nothing.
const sql = testSql();
let ws: string;
let otherWs: string;
let campaignId: string;
let archivedCampaign: string;
let foreignCampaign: string;
let foreignQuest: string;
const path = (suffix = "") => `/api/workspaces/${ws}/quests${suffix}`;

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
    insert into public.campaigns (workspace_id, name, objective_type) values (${ws}, 'Main', 'conversion') returning id`,
  );
  archivedCampaign = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type, status)
    values (${ws}, 'Old', 'awareness', 'archived') returning id`,
  );
  foreignCampaign = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type) values (${otherWs}, 'Theirs', 'awareness') returning id`,
  );
  foreignQuest = idOf(
    await sql<{ id: string }[]>`
    insert into public.quests (workspace_id, campaign_id, name) values (${otherWs}, ${foreignCampaign}, 'Their quest') returning id`,
  );
});

const events = (id: string) =>
  sql<{ event_type: string; channel: string; payload: Record<string, unknown> }[]>`
    select event_type, channel, payload from public.events
    where workspace_id = ${ws} and payload ->> 'quest_id' = ${id} order by sequence`;

describe("quests: happy paths", () => {
  it("creates a quest with ordered chapters and success metrics, and a quest.created event", async () => {
    const res = await call<DataResponse<QuestWithChapters>>(USERS.ana, path(), {
      body: {
        campaign_id: campaignId,
        name: "Launch week",
        status: "active",
        reward_xp: 500,
        starts_at: "2027-03-01T00:00:00Z",
        ends_at: "2027-03-08T00:00:00Z",
        success_metrics: [
          { metric: "signups", target: 300, current: 150, unit: "people" },
          { metric: "demos", target: 20 },
        ],
        chapters: [
          { title: "Tease", objectives: ["Publish teaser"], status: "completed" },
          { title: "Reveal" },
          { title: "Convert", description: "Close the week." },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const quest = res.body.data;
    expect(res.headers.get("location")).toBe(path(`/${quest.id}`));
    expect(quest).toMatchObject({
      campaign_id: campaignId,
      status: "active",
      reward_xp: 500,
      progress: 0.25,
      metrics_met: 0,
      metrics_total: 2,
      success_metrics: [
        { metric: "signups", target: 300, current: 150, unit: "people" },
        { metric: "demos", target: 20, current: 0, unit: null },
      ],
    });
    expect(quest.chapters.map((c) => [c.position, c.title, c.status])).toEqual([
      [1, "Tease", "completed"],
      [2, "Reveal", "locked"],
      [3, "Convert", "locked"],
    ]);
    expect(quest.chapters[0]?.completed_at).toEqual(expect.any(String));
    expect(await events(quest.id)).toEqual([
      {
        event_type: "quest.created",
        channel: "guild_heart",
        payload: { quest_id: quest.id, campaign_id: campaignId, name: "Launch week", status: "active", chapters: 3 },
      },
    ]);

    const detail = await call<DataResponse<QuestWithChapters>>(USERS.victor, path(`/${quest.id}`));
    expect(detail.body.data.chapters).toHaveLength(3);
    const campaign = await call<DataResponse<{ quests: Quest[] }>>(
      USERS.victor,
      `/api/workspaces/${ws}/campaigns/${campaignId}`,
    );
    expect(campaign.body.data.quests.map((q) => q.id)).toContain(quest.id);
  });

  it("updates success metrics as a whole and recomputes progress", async () => {
    const { body } = await call<DataResponse<QuestWithChapters>>(USERS.ana, path(), {
      body: { campaign_id: campaignId, name: "Metrics", success_metrics: [{ metric: "mqls", target: 10 }] },
    });
    const res = await call<DataResponse<QuestWithChapters>>(USERS.ana, path(`/${body.data.id}`), {
      method: "PATCH",
      body: { success_metrics: [{ metric: "mqls", target: 10, current: 12 }], status: "completed" },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: "completed", progress: 1, metrics_met: 1 });
    const updated = (await events(body.data.id)).at(-1);
    expect(updated).toMatchObject({ event_type: "quest.updated", payload: { changed: ["status", "success_metrics"] } });
  });

  it("lists by campaign and status without chapters", async () => {
    const res = await call<ListResponse<Quest & { chapters?: unknown }>>(
      USERS.victor,
      path(`?campaign_id=${campaignId}&status=active`),
    );
    expect(res.body.data.map((q) => q.name)).toEqual(["Launch week"]);
    expect(res.body.data[0]?.chapters).toBeUndefined();
    const paged = await call<ListResponse<Quest>>(USERS.victor, path("?sort=name&limit=1"));
    expect(paged.body).toMatchObject({ data: [{ name: "Launch week" }], next_cursor: expect.any(String) });
  });

  it("deletes a quest and its chapters with a quest.deleted event", async () => {
    const { body } = await call<DataResponse<QuestWithChapters>>(USERS.ana, path(), {
      body: { campaign_id: campaignId, name: "Short-lived", chapters: [{ title: "Only" }] },
    });
    expect((await call(USERS.ana, path(`/${body.data.id}`), { method: "DELETE" })).status).toBe(204);
    expect((await call(USERS.ana, path(`/${body.data.id}`))).status).toBe(404);
    const [left] = await sql`select count(*)::int as n from public.quest_chapters where quest_id = ${body.data.id}`;
    expect(left).toEqual({ n: 0 });
    expect((await events(body.data.id)).map((e) => e.event_type)).toEqual(["quest.created", "quest.deleted"]);
  });

  it("refuses quests of an archived campaign (409)", async () => {
    const res = await call<ErrorBody>(USERS.ana, path(), { body: { campaign_id: archivedCampaign, name: "Late" } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("CAMPAIGN_ARCHIVED");
  });
});

describe("quests: bad input writes nothing", () => {
  let before: number[];
  let existing: string;
  const counts = () => Promise.all(["quests", "quest_chapters", "events"].map((t) => countRows(sql, t, ws)));
  beforeAll(async () => {
    existing = idOf(
      await sql<{ id: string }[]>`
      insert into public.quests (workspace_id, campaign_id, name, starts_at)
      values (${ws}, ${campaignId}, 'Fixture', '2027-05-01T00:00:00Z') returning id`,
    );
    before = await counts();
  });
  afterAll(async () => {
    expect(await counts()).toEqual(before);
  });

  const valid = () => ({ campaign_id: campaignId, name: "Valid" });
  const cases: [string, () => unknown, string][] = [
    ["a missing campaign_id", () => ({ name: "x" }), "campaign_id"],
    ["a missing name", () => ({ campaign_id: campaignId }), "name"],
    ["an unknown status", () => ({ ...valid(), status: "won" }), "status"],
    ["negative reward xp", () => ({ ...valid(), reward_xp: -1 }), "reward_xp"],
    [
      "dates out of order",
      () => ({ ...valid(), starts_at: "2027-03-08T00:00:00Z", ends_at: "2027-03-01T00:00:00Z" }),
      "ends_at",
    ],
    ["a date without a time", () => ({ ...valid(), starts_at: "2027-03-08" }), "starts_at"],
    [
      "a metric without a target",
      () => ({ ...valid(), success_metrics: [{ metric: "m" }] }),
      "success_metrics.0.target",
    ],
    [
      "a negative metric target",
      () => ({ ...valid(), success_metrics: [{ metric: "m", target: -1 }] }),
      "success_metrics.0.target",
    ],
    [
      "a metric named twice",
      () => ({
        ...valid(),
        success_metrics: [
          { metric: "m", target: 1 },
          { metric: "M", target: 2 },
        ],
      }),
      "success_metrics",
    ],
    [
      "an unknown field in a metric",
      () => ({ ...valid(), success_metrics: [{ metric: "m", target: 1, weight: 2 }] }),
      "success_metrics.0.weight",
    ],
    [
      "too many metrics",
      () => ({ ...valid(), success_metrics: Array.from({ length: 21 }, (_, i) => ({ metric: `m${i}`, target: 1 })) }),
      "success_metrics",
    ],
    ["a chapter without a title", () => ({ ...valid(), chapters: [{ description: "d" }] }), "chapters.0.title"],
    [
      "a chapter with an unknown status",
      () => ({ ...valid(), chapters: [{ title: "t", status: "done" }] }),
      "chapters.0.status",
    ],
    [
      "a chapter position (chapters are ordered as given)",
      () => ({ ...valid(), chapters: [{ title: "t", position: 4 }] }),
      "chapters.0.position",
    ],
    [
      "an objective over 500 characters",
      () => ({ ...valid(), chapters: [{ title: "t", objectives: ["o".repeat(501)] }] }),
      "chapters.0.objectives.0",
    ],
    ["an invalid campaign UUID", () => ({ ...valid(), campaign_id: "c" }), "campaign_id"],
    ["an unknown field", () => ({ ...valid(), progress: 1 }), "progress"],
  ];
  it.each(cases)("create: %s → 400", async (_label, body, field) => {
    const res = await call<ErrorBody>(USERS.ana, path(), { body: body() });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.details.map((d) => d.field)).toContain(field);
  });

  it("create: a campaign this workspace cannot use → 422", async () => {
    for (const campaign of [foreignCampaign, crypto.randomUUID()]) {
      const res = await call<ErrorBody>(USERS.ana, path(), { body: { campaign_id: campaign, name: "x" } });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: "UNKNOWN_REFERENCE", details: [{ field: "campaign_id" }] });
    }
  });

  const patchCases: [string, unknown, string][] = [
    ["an empty body", {}, "json"],
    ["an end before the stored start", { ends_at: "2027-04-01T00:00:00Z" }, "ends_at"],
    ["moving to another campaign", { campaign_id: crypto.randomUUID() }, "campaign_id"],
    ["chapters (they have their own endpoints)", { chapters: [] }, "chapters"],
    ["a null name", { name: null }, "name"],
  ];
  it.each(patchCases)("update: %s → 400", async (_label, body, field) => {
    const res = await call<ErrorBody>(USERS.ana, path(`/${existing}`), { method: "PATCH", body });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.details.map((d) => d.field)).toContain(field);
  });

  it("path and query: invalid ids and filters → 400", async () => {
    for (const [p, field] of [
      [path("/q1"), "questId"],
      [path("?status=won"), "status.0"],
      [path("?campaign_id=1"), "campaign_id"],
      [path("?sort=reward_xp"), "sort"],
    ] as const) {
      const res = await call<ErrorBody>(USERS.ana, p);
      expect(res.status, p).toBe(400);
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
  });
});

describe("quests: security", () => {
  let ours: string;
  let before: number[];
  const routes = (workspace: string, id: string): { reads: RouteCase[]; writes: RouteCase[] } => {
    const base = `/api/workspaces/${workspace}/quests`;
    return {
      reads: [
        ["list", base, {}],
        ["get", `${base}/${id}`, {}],
      ],
      writes: [
        ["create", base, { body: { campaign_id: campaignId, name: "Intruder" } }],
        ["update", `${base}/${id}`, { method: "PATCH", body: { name: "Hijacked" } }],
        ["delete", `${base}/${id}`, { method: "DELETE" }],
      ],
    };
  };
  const counts = () =>
    Promise.all([ws, otherWs].flatMap((w) => [countRows(sql, "quests", w), countRows(sql, "events", w)]));
  beforeAll(async () => {
    ours = idOf(
      await sql<{ id: string }[]>`
      insert into public.quests (workspace_id, campaign_id, name) values (${ws}, ${campaignId}, 'Ours') returning id`,
    );
    before = await counts();
  });
  afterAll(async () => {
    expect(await counts()).toEqual(before);
  });

  it("refuses missing and expired credentials (401)", async () => {
    const { reads, writes } = routes(ws, ours);
    await expectEach(null, [...reads, ...writes], 401);
    await expectEach({ token: await tokenFor(USERS.ana, { expiresInSeconds: -60 }) }, [...reads, ...writes], 401);
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
    const foreign = routes(ws, foreignQuest);
    await expectEach(USERS.ana, [...foreign.reads.slice(1), ...foreign.writes.slice(1)], 404);
    const theirs = routes(otherWs, foreignQuest);
    await expectEach(USERS.ana, [...theirs.reads, ...theirs.writes], 404);
  });
});
