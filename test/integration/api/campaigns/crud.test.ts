import { beforeAll, describe, expect, it } from "vitest";
import type { Campaign, CampaignDetail } from "../../../../functions/campaigns/index.ts";
import type { DataResponse, ListResponse } from "../../../../functions/campaigns/responses.ts";
import { call, countRows, createWorkspace, idOf } from "../../../helpers/api.ts";
import { SEED_API_KEY, testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";

// Happy paths of the campaigns group: create (with a new or existing positioning and target
// cohorts), full context, update, list with filters, sort and cursor — each write with its event.
const sql = testSql();
let ws: string;
let positioningId: string;
let cohortA: string;
let cohortB: string;
const path = (suffix = "") => `/api/workspaces/${ws}/campaigns${suffix}`;

beforeAll(async () => {
  ws = await createWorkspace(sql, {
    members: [
      [USERS.alice, "admin"],
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
  positioningId = idOf(
    await sql<{ id: string }[]>`
    insert into public.positionings (workspace_id, name, statement)
    values (${ws}, 'Core', 'For growth teams, the platform that proves campaigns.') returning id`,
  );
  await sql`
    insert into public.message_architectures (workspace_id, positioning_id, name, core_message)
    values (${ws}, ${positioningId}, 'Shared messaging', 'Prove every campaign.')`;
  const cohorts = await sql<{ id: string }[]>`
    insert into public.cohorts (workspace_id, name) values (${ws}, 'Growth leads'), (${ws}, 'Founders')
    returning id`;
  cohortA = cohorts[0]!.id;
  cohortB = cohorts[1]!.id;
});

async function eventsOf(campaignId: string) {
  return sql<
    { event_type: string; channel: string; actor_id: string; request_id: string; payload: Record<string, unknown> }[]
  >`
    select event_type, channel, actor_id, request_id, payload from public.events
    where workspace_id = ${ws} and payload ->> 'campaign_id' = ${campaignId}
    order by sequence`;
}

describe("POST /campaigns", () => {
  it("creates a campaign in planning, owned by the caller, with its event in the same request", async () => {
    const res = await call<DataResponse<CampaignDetail>>(USERS.ana, path(), {
      body: { name: "  Spring push  ", objective_type: "awareness" },
    });
    expect(res.status).toBe(201);
    const campaign = res.body.data;
    expect(res.headers.get("location")).toBe(path(`/${campaign.id}`));
    expect(campaign).toMatchObject({
      name: "Spring push",
      objective_type: "awareness",
      status: "planning",
      workspace_id: ws,
      owner_id: USERS.ana.id,
      created_by: USERS.ana.id,
      budget: null,
      currency: "USD",
      positioning: null,
      target_cohorts: [],
      quests: [],
      war_briefs: [],
      next_statuses: ["approved", "archived"],
    });
    const events = await eventsOf(campaign.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      event_type: "campaign.created",
      channel: "guild_broadcast",
      actor_id: USERS.ana.id,
      request_id: res.headers.get("x-request-id"),
      payload: { campaign_id: campaign.id, status: "planning", positioning_created: false },
    });
  });

  it("creates its positioning and targets cohorts in one go", async () => {
    const before = await countRows(sql, "positionings", ws);
    const res = await call<DataResponse<CampaignDetail>>(USERS.ana, path(), {
      body: {
        name: "Founder outreach",
        description: "Direct outreach to founders.",
        objective_type: "conversion",
        positioning: {
          name: "Founder positioning",
          statement: "For founders who do their own marketing.",
          differentiators: ["Autonomous agents"],
        },
        target_cohorts: [
          { cohort_id: cohortA, priority: "low" },
          { cohort_id: cohortB, is_primary: true, priority: "critical" },
        ],
        budget: 12500.5,
        currency: "EUR",
        start_date: "2027-04-01",
        end_date: "2027-06-30",
        kpis: { signups: 500, pipeline_usd: 250000 },
      },
    });
    expect(res.status).toBe(201);
    const campaign = res.body.data;
    expect(campaign).toMatchObject({
      budget: 12500.5,
      currency: "EUR",
      start_date: "2027-04-01",
      end_date: "2027-06-30",
      kpis: { signups: 500, pipeline_usd: 250000 },
      positioning: { name: "Founder positioning", differentiators: ["Autonomous agents"], created_by: USERS.ana.id },
    });
    expect(campaign.positioning_id).toBe(campaign.positioning?.id);
    expect(campaign.target_cohorts.map((c) => [c.name, c.is_primary, c.priority])).toEqual([
      ["Founders", true, "critical"],
      ["Growth leads", false, "low"],
    ]);
    expect(await countRows(sql, "positionings", ws)).toBe(before + 1);
  });

  it("runs on an existing positioning and shows its shared message architecture", async () => {
    const res = await call<DataResponse<CampaignDetail>>(USERS.alice, path(), {
      body: {
        name: "Retention play",
        objective_type: "retention",
        positioning_id: positioningId,
        owner_id: USERS.ana.id,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.owner_id).toBe(USERS.ana.id);
    expect(res.body.data.positioning?.id).toBe(positioningId);
    expect(res.body.data.message_architectures.map((m) => m.name)).toEqual(["Shared messaging"]);
  });

  it("accepts an analyst API key (acting as its creator)", async () => {
    const res = await call<DataResponse<Campaign>>(
      { apiKey: SEED_API_KEY.secret },
      `/api/workspaces/${WORKSPACES.acmeGrowth}/campaigns`,
      {
        body: { name: "Key-made campaign", objective_type: "advocacy" },
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.data.created_by).toBe(USERS.alice.id);
  });
});

describe("GET /campaigns/:id", () => {
  it("returns the full context: positioning, message architecture, cohorts, quests and war briefs", async () => {
    const { body } = await call<DataResponse<CampaignDetail>>(USERS.ana, path(), {
      body: {
        name: "Context campaign",
        objective_type: "consideration",
        positioning_id: positioningId,
        target_cohorts: [{ cohort_id: cohortA, is_primary: true }],
      },
    });
    const id = body.data.id;
    await sql`
      insert into public.message_architectures (workspace_id, campaign_id, positioning_id, name, core_message)
      values (${ws}, ${id}, ${positioningId}, 'Campaign messaging', 'See it work.')`;
    await sql`
      insert into public.quests (workspace_id, campaign_id, name, success_metrics)
      values (${ws}, ${id}, 'Launch week', '[{"metric":"signups","target":200,"current":50}]')`;
    await sql`
      insert into public.war_briefs (workspace_id, campaign_id, title, status, insights)
      values (${ws}, ${id}, 'Brief', 'ready', '["Lead with ROI"]')`;

    const res = await call<DataResponse<CampaignDetail>>(USERS.victor, path(`/${id}`));
    expect(res.status).toBe(200);
    const detail = res.body.data;
    expect(detail.positioning?.statement).toContain("growth teams");
    expect(detail.message_architectures.map((m) => m.name)).toEqual(["Campaign messaging", "Shared messaging"]);
    expect(detail.target_cohorts).toHaveLength(1);
    expect(detail.target_cohorts[0]).toMatchObject({ id: cohortA, is_primary: true, priority: "medium" });
    expect(detail.quests).toHaveLength(1);
    expect(detail.quests[0]).toMatchObject({
      name: "Launch week",
      progress: 0.25,
      success_metrics: [{ metric: "signups", target: 200, current: 50, unit: null }],
    });
    expect(detail.war_briefs).toHaveLength(1);
    expect(detail.war_briefs[0]).toMatchObject({ title: "Brief", insights: ["Lead with ROI"] });
  });

  it("answers 404 for an id that is not a campaign", async () => {
    const res = await call(USERS.ana, path(`/${crypto.randomUUID()}`));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "CAMPAIGN_NOT_FOUND" });
  });
});

describe("PATCH /campaigns/:id", () => {
  it("updates fields, replaces target cohorts and records which fields changed", async () => {
    const { body } = await call<DataResponse<CampaignDetail>>(USERS.ana, path(), {
      body: { name: "To edit", objective_type: "awareness", target_cohorts: [{ cohort_id: cohortA }], budget: 100 },
    });
    const id = body.data.id;
    const res = await call<DataResponse<CampaignDetail>>(USERS.ana, path(`/${id}`), {
      method: "PATCH",
      body: {
        name: "Edited",
        budget: null,
        start_date: "2027-01-01",
        target_cohorts: [{ cohort_id: cohortB, is_primary: true }],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      name: "Edited",
      budget: null,
      start_date: "2027-01-01",
      objective_type: "awareness",
    });
    expect(res.body.data.target_cohorts.map((c) => c.id)).toEqual([cohortB]);
    const events = await eventsOf(id);
    expect(events.map((e) => e.event_type)).toEqual(["campaign.created", "campaign.updated"]);
    expect(events[1]?.payload.changed).toEqual(["budget", "name", "start_date", "target_cohorts"]);

    // The stored start date now bounds a later end date given alone.
    const early = await call(USERS.ana, path(`/${id}`), { method: "PATCH", body: { end_date: "2026-12-31" } });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ details: [{ field: "end_date" }] });
    expect((await eventsOf(id)).length).toBe(2);
  });
});

describe("GET /campaigns", () => {
  let listWs: string;

  beforeAll(async () => {
    listWs = await createWorkspace(sql, { members: [[USERS.ana, "analyst"]] });
    const rows = await sql`
      insert into public.campaigns (workspace_id, name, objective_type, status, start_date, end_date)
      values
        (${listWs}, 'Alpha 100%', 'awareness', 'planning', '2027-01-01', '2027-01-31'),
        (${listWs}, 'Bravo', 'conversion', 'active', '2027-02-01', '2027-03-31'),
        (${listWs}, 'Charlie', 'conversion', 'paused', null, null),
        (${listWs}, 'Delta_x', 'retention', 'completed', '2026-06-01', '2026-07-01'),
        (${listWs}, 'Echo', 'advocacy', 'archived', '2027-01-01', null)
      returning id`;
    expect(rows).toHaveLength(5);
  });

  const names = (body: ListResponse<Campaign>) => body.data.map((campaign) => campaign.name);
  const list = async (query: string) => {
    const res = await call<ListResponse<Campaign>>(USERS.ana, `/api/workspaces/${listWs}/campaigns?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it("leaves archived campaigns out unless asked for by status", async () => {
    expect(names(await list("sort=name"))).toEqual(["Alpha 100%", "Bravo", "Charlie", "Delta_x"]);
    expect(names(await list("status=archived"))).toEqual(["Echo"]);
    expect(names(await list("status=active,paused&sort=-name"))).toEqual(["Charlie", "Bravo"]);
  });

  it("filters by objective type and by name, matching % and _ literally", async () => {
    expect(names(await list("objective_type=conversion&sort=name"))).toEqual(["Bravo", "Charlie"]);
    expect(names(await list("q=ALPHA"))).toEqual(["Alpha 100%"]);
    expect(names(await list("q=100%25"))).toEqual(["Alpha 100%"]);
    expect(names(await list("q=a_x"))).toEqual(["Delta_x"]);
    expect(names(await list("q=%25"))).toEqual(["Alpha 100%"]);
  });

  it("keeps campaigns whose dates overlap the range, open ends included", async () => {
    expect(names(await list("date_from=2027-02-15&date_to=2027-02-20&sort=name"))).toEqual(["Bravo", "Charlie"]);
    expect(names(await list("date_to=2026-12-31&sort=name"))).toEqual(["Charlie", "Delta_x"]);
  });

  it("pages with a cursor without skipping or repeating", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ListResponse<Campaign> = await list(`sort=name&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...names(page));
      cursor = page.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(["Alpha 100%", "Bravo", "Charlie", "Delta_x"]);
    expect(pages).toBe(2);
    const first = await list("limit=1");
    expect(first.data).toHaveLength(1);
    expect(first.next_cursor).toEqual(expect.any(String));
  });
});
