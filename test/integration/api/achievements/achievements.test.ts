import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Achievement } from "../../../../functions/achievements/index.ts";
import type { DataResponse, ListResponse } from "../../../../functions/campaigns/responses.ts";
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

// Achievements through the real router: milestones of a workspace, campaign or move; metric
// targets that unlock themselves; every write with its achievement.* event; bad input and
// outsiders change nothing.
const sql = testSql();
let ws: string;
let otherWs: string;
let campaignId: string;
let otherCampaign: string;
let moveId: string;
let archivedCampaign: string;
let foreignMove: string;
let foreignAchievement: string;
const path = (suffix = "") => `/api/workspaces/${ws}/achievements${suffix}`;

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
  otherCampaign = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type) values (${ws}, 'Second', 'awareness') returning id`,
  );
  archivedCampaign = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type, status)
    values (${ws}, 'Old', 'awareness', 'archived') returning id`,
  );
  moveId = idOf(
    await sql<{ id: string }[]>`
    insert into public.moves (workspace_id, campaign_id, name, move_type)
    values (${ws}, ${campaignId}, 'Webinars', 'event') returning id`,
  );
  const foreignCampaign = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type) values (${otherWs}, 'Theirs', 'awareness') returning id`,
  );
  foreignMove = idOf(
    await sql<{ id: string }[]>`
    insert into public.moves (workspace_id, campaign_id, name, move_type)
    values (${otherWs}, ${foreignCampaign}, 'Their move', 'seo') returning id`,
  );
  foreignAchievement = idOf(
    await sql<{ id: string }[]>`
    insert into public.achievements (workspace_id, title, achievement_type)
    values (${otherWs}, 'Their badge', 'badge') returning id`,
  );
});

const events = (id: string) =>
  sql<{ event_type: string; channel: string; payload: Record<string, unknown> }[]>`
    select event_type, channel, payload from public.events
    where workspace_id = ${ws} and payload ->> 'achievement_id' = ${id} order by sequence`;

describe("achievements: happy paths", () => {
  it("creates a workspace-level badge, locked, with an achievement.created event", async () => {
    const res = await call<DataResponse<Achievement>>(USERS.ana, path(), {
      body: { title: "First campaign", achievement_type: "badge", xp: 50 },
    });
    expect(res.status).toBe(201);
    const achievement = res.body.data;
    expect(res.headers.get("location")).toBe(path(`/${achievement.id}`));
    expect(achievement).toMatchObject({
      campaign_id: null,
      move_id: null,
      status: "locked",
      current_value: 0,
      target_value: null,
      progress: null,
      xp: 50,
      unlocked_at: null,
    });
    expect(await events(achievement.id)).toEqual([
      {
        event_type: "achievement.created",
        channel: "guild_heart",
        payload: {
          achievement_id: achievement.id,
          campaign_id: null,
          move_id: null,
          title: "First campaign",
          status: "locked",
        },
      },
    ]);
  });

  it("takes the campaign from the move, and unlocks a metric target once it is reached", async () => {
    const res = await call<DataResponse<Achievement>>(USERS.ana, path(), {
      body: {
        title: "100 signups",
        achievement_type: "metric_target",
        move_id: moveId,
        metric: "signups",
        target_value: 100,
        current_value: 37.5,
        status: "in_progress",
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.data.id;
    expect(res.body.data).toMatchObject({
      campaign_id: campaignId,
      move_id: moveId,
      progress: 0.375,
      status: "in_progress",
    });

    const reached = await call<DataResponse<Achievement>>(USERS.ana, path(`/${id}`), {
      method: "PATCH",
      body: { current_value: 104 },
    });
    expect(reached.body.data).toMatchObject({ status: "unlocked", progress: 1, current_value: 104 });
    expect(reached.body.data.unlocked_at).toEqual(expect.any(String));
    const updated = (await events(id)).filter((e) => e.event_type === "achievement.updated");
    expect(updated[0]?.payload).toMatchObject({ changed: ["current_value"], status: "unlocked", unlocked: true });

    const more = await call<DataResponse<Achievement>>(USERS.ana, path(`/${id}`), {
      method: "PATCH",
      body: { xp: 10 },
    });
    expect(more.body.data.unlocked_at).toBe(reached.body.data.unlocked_at);
  });

  it("unlocks at creation when the target is already met", async () => {
    const res = await call<DataResponse<Achievement>>(USERS.ana, path(), {
      body: {
        title: "Met",
        achievement_type: "metric_target",
        campaign_id: campaignId,
        metric: "demos",
        target_value: 5,
        current_value: 5,
      },
    });
    expect(res.body.data).toMatchObject({ status: "unlocked", progress: 1 });
  });

  it("lists by campaign, move, status and type", async () => {
    const byMove = await call<ListResponse<Achievement>>(USERS.victor, path(`?move_id=${moveId}`));
    expect(byMove.body.data.map((a) => a.title)).toEqual(["100 signups"]);
    const unlocked = await call<ListResponse<Achievement>>(
      USERS.victor,
      path(`?campaign_id=${campaignId}&status=unlocked&sort=title`),
    );
    expect(unlocked.body.data.map((a) => a.title)).toEqual(["100 signups", "Met"]);
    const badges = await call<ListResponse<Achievement>>(USERS.victor, path("?achievement_type=badge,streak"));
    expect(badges.body.data.map((a) => a.title)).toEqual(["First campaign"]);
    const paged = await call<ListResponse<Achievement>>(USERS.victor, path("?limit=1&sort=-xp"));
    expect(paged.body.data).toHaveLength(1);
    expect(paged.body.next_cursor).toEqual(expect.any(String));
  });

  it("deletes with an achievement.deleted event", async () => {
    const { body } = await call<DataResponse<Achievement>>(USERS.ana, path(), {
      body: { title: "Gone", achievement_type: "streak" },
    });
    expect((await call(USERS.ana, path(`/${body.data.id}`), { method: "DELETE" })).status).toBe(204);
    expect((await call(USERS.ana, path(`/${body.data.id}`))).status).toBe(404);
    expect((await events(body.data.id)).map((e) => e.event_type)).toEqual([
      "achievement.created",
      "achievement.deleted",
    ]);
  });

  it("refuses writes under an archived campaign (409)", async () => {
    const res = await call<ErrorBody>(USERS.ana, path(), {
      body: { title: "Late", achievement_type: "milestone", campaign_id: archivedCampaign },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("CAMPAIGN_ARCHIVED");
  });
});

describe("achievements: bad input writes nothing", () => {
  let before: [number, number];
  let existing: string;
  beforeAll(async () => {
    existing = idOf(
      await sql<{ id: string }[]>`
      insert into public.achievements (workspace_id, title, achievement_type, metric, target_value)
      values (${ws}, 'Fixture', 'metric_target', 'signups', 10) returning id`,
    );
    before = [await countRows(sql, "achievements", ws), await countRows(sql, "events", ws)];
  });
  afterAll(async () => {
    expect([await countRows(sql, "achievements", ws), await countRows(sql, "events", ws)]).toEqual(before);
  });

  const valid = { title: "Valid", achievement_type: "milestone" };
  const createCases: [string, unknown, string][] = [
    ["a missing title", { achievement_type: "badge" }, "title"],
    ["a missing type", { title: "x" }, "achievement_type"],
    ["an unknown type", { ...valid, achievement_type: "trophy" }, "achievement_type"],
    ["an unknown status", { ...valid, status: "won" }, "status"],
    ["a title over 200 characters", { ...valid, title: "t".repeat(201) }, "title"],
    ["negative xp", { ...valid, xp: -5 }, "xp"],
    ["fractional xp", { ...valid, xp: 2.5 }, "xp"],
    ["a target with five decimals", { ...valid, target_value: 1.00001 }, "target_value"],
    ["a current value as a string", { ...valid, current_value: "10" }, "current_value"],
    ["a metric target without a metric", { title: "x", achievement_type: "metric_target", target_value: 5 }, "metric"],
    [
      "a metric target without a target",
      { title: "x", achievement_type: "metric_target", metric: "m" },
      "target_value",
    ],
    ["an invalid campaign UUID", { ...valid, campaign_id: "c1" }, "campaign_id"],
    ["an invalid move UUID", { ...valid, move_id: "m1" }, "move_id"],
    ["an unknown field", { ...valid, unlocked_at: "2027-01-01T00:00:00Z" }, "unlocked_at"],
  ];
  it.each(createCases)("create: %s → 400", async (_label, body, field) => {
    const res = await call<ErrorBody>(USERS.ana, path(), { body });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.details.map((d) => d.field)).toContain(field);
  });

  it("create: references this workspace cannot use → 422", async () => {
    for (const [override, field] of [
      [{ campaign_id: crypto.randomUUID() }, "campaign_id"],
      [{ move_id: foreignMove }, "move_id"],
      [{ move_id: moveId, campaign_id: otherCampaign }, "move_id"],
    ] as const) {
      const res = await call<ErrorBody>(USERS.ana, path(), { body: { ...valid, ...override } });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body).toMatchObject({ code: "UNKNOWN_REFERENCE", details: [{ field }] });
    }
  });

  const patchCases: [string, unknown, string][] = [
    ["an empty body", {}, "json"],
    ["re-parenting to a campaign", { campaign_id: crypto.randomUUID() }, "campaign_id"],
    ["clearing the target of a metric target", { target_value: null }, "target_value"],
    ["clearing the metric of a metric target", { metric: null }, "metric"],
    ["a negative xp", { xp: -1 }, "xp"],
  ];
  it.each(patchCases)("update: %s → 400", async (_label, body, field) => {
    const res = await call<ErrorBody>(USERS.ana, path(`/${existing}`), { method: "PATCH", body });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.details.map((d) => d.field)).toContain(field);
  });

  it("path and query: invalid ids and filters → 400", async () => {
    for (const [p, field] of [
      [path("/1"), "achievementId"],
      [path("?achievement_type=trophy"), "achievement_type.0"],
      [path("?move_id=x"), "move_id"],
      [path("?sort=metric"), "sort"],
    ] as const) {
      const res = await call<ErrorBody>(USERS.ana, p);
      expect(res.status, p).toBe(400);
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
  });
});

describe("achievements: security", () => {
  let ours: string;
  let before: number[];
  const routes = (workspace: string, id: string): { reads: RouteCase[]; writes: RouteCase[] } => {
    const base = `/api/workspaces/${workspace}/achievements`;
    return {
      reads: [
        ["list", base, {}],
        ["get", `${base}/${id}`, {}],
      ],
      writes: [
        ["create", base, { body: { title: "Intruder", achievement_type: "badge" } }],
        ["update", `${base}/${id}`, { method: "PATCH", body: { title: "Hijacked" } }],
        ["delete", `${base}/${id}`, { method: "DELETE" }],
      ],
    };
  };
  const counts = () =>
    Promise.all([ws, otherWs].flatMap((w) => [countRows(sql, "achievements", w), countRows(sql, "events", w)]));
  beforeAll(async () => {
    ours = idOf(
      await sql<{ id: string }[]>`
      insert into public.achievements (workspace_id, title, achievement_type) values (${ws}, 'Ours', 'badge') returning id`,
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
    const foreign = routes(ws, foreignAchievement);
    await expectEach(USERS.ana, [...foreign.reads.slice(1), ...foreign.writes.slice(1)], 404);
    const theirs = routes(otherWs, foreignAchievement);
    await expectEach(USERS.ana, [...theirs.reads, ...theirs.writes], 404);
  });
});
