import { beforeAll, describe, expect, it } from "vitest";
import type {
  MarketIntelligence,
  MarketIntelligenceListResponse,
  MarketIntelligenceResponse,
} from "../../../../functions/intelligence/market/index.ts";
import { call, countRows, createWorkspace, type ErrorBody, idOf } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";

// Market intelligence CRUD and search through the real router: numbers come back as numbers,
// references stay inside the workspace, every write records its event.
const sql = testSql();
let ws: string;
let competitorId: string;
const path = (suffix = "") => `/api/workspaces/${ws}/intelligence/market${suffix}`;

beforeAll(async () => {
  ws = await createWorkspace(sql, {
    members: [
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
  competitorId = idOf(
    await sql<{ id: string }[]>`
    insert into public.competitors (workspace_id, name) values (${ws}, 'Initrode') returning id`,
  );
});

async function create(body: Record<string, unknown>): Promise<MarketIntelligence> {
  const res = await call<MarketIntelligenceResponse>(USERS.ana, path(), {
    body: { intelligence_type: "market_trend", title: "Untitled", ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.headers.get("location")).toBe(path(`/${res.body.data.id}`));
  return res.body.data;
}

const eventsOf = (id: string) =>
  sql<{ event_type: string; channel: string; actor_id: string; payload: Record<string, unknown> }[]>`
    select event_type, channel, actor_id, payload from public.events
    where workspace_id = ${ws} and payload ->> 'intelligence_id' = ${id} order by sequence`;

describe("market intelligence CRUD", () => {
  it("creates with scores as numbers, jsonb as JSON and the caller as creator", async () => {
    const record = await create({
      intelligence_type: "competitive",
      title: "Initrode halves onboarding time",
      summary: "New wizard cuts onboarding from 2 weeks to 1.",
      source_url: "https://news.example/initrode",
      impact_score: 64.5,
      relevance_score: 90,
      threat_level: "high",
      key_insights: ["Expect faster trials", "Pressure on our setup story"],
      data: { source_rank: 3 },
      competitor_id: competitorId,
      gathered_at: "2027-01-15T09:30:00Z",
    });
    expect(record).toMatchObject({
      workspace_id: ws,
      impact_score: 64.5,
      relevance_score: 90,
      key_insights: ["Expect faster trials", "Pressure on our setup story"],
      data: { source_rank: 3 },
      competitor_id: competitorId,
      created_by: USERS.ana.id,
      gathered_at: "2027-01-15T09:30:00.000Z",
    });
    expect(await eventsOf(record.id)).toMatchObject([
      {
        event_type: "intelligence.created",
        channel: "intelligence_channel",
        actor_id: USERS.ana.id,
        payload: { intelligence_id: record.id, title: "Initrode halves onboarding time" },
      },
    ]);
  });

  it("reads, changes and deletes, one event per write", async () => {
    const record = await create({ title: "Short-form video keeps growing" });
    const read = await call<MarketIntelligenceResponse>(USERS.victor, path(`/${record.id}`));
    expect(read.body).toEqual({ data: record });

    const changed = await call<MarketIntelligenceResponse>(USERS.ana, path(`/${record.id}`), {
      method: "PATCH",
      body: { impact_score: 12.25, threat_level: null },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ impact_score: 12.25, threat_level: null, title: record.title });

    const deleted = await call(USERS.ana, path(`/${record.id}`), { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expect((await call<ErrorBody>(USERS.ana, path(`/${record.id}`))).body.code).toBe("INTELLIGENCE_NOT_FOUND");
    expect((await eventsOf(record.id)).map((e) => [e.event_type, e.payload.changed])).toEqual([
      ["intelligence.created", undefined],
      ["intelligence.updated", ["impact_score", "threat_level"]],
      ["intelligence.deleted", undefined],
    ]);
  });

  it("refuses a competitor or campaign of another workspace with 422, writing nothing", async () => {
    const [foreign] = await sql<{ id: string }[]>`
      select id from public.competitors where workspace_id = ${WORKSPACES.acmeGrowth} limit 1`;
    const before = await countRows(sql, "market_intelligence", ws);
    const res = await call<ErrorBody>(USERS.ana, path(), {
      body: { intelligence_type: "competitive", title: "Sneaky", competitor_id: foreign!.id },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "UNKNOWN_REFERENCE", details: [{ field: "competitor_id" }] });
    expect(await countRows(sql, "market_intelligence", ws)).toBe(before);
  });

  it("rejects out-of-range scores, unknown fields and empty patches", async () => {
    const bad = await call<ErrorBody>(USERS.ana, path(), {
      body: { intelligence_type: "economic", title: "x", impact_score: 101, relevance_score: 1.234, agent_id: "x" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d) => d.field).sort()).toEqual(["agent_id", "impact_score", "relevance_score"]);
    const record = await create({ title: "Patch target" });
    const empty = await call<ErrorBody>(USERS.ana, path(`/${record.id}`), { method: "PATCH", body: {} });
    expect(empty.status).toBe(400);
  });

  it("lets viewers read but not write", async () => {
    expect((await call(USERS.victor, path())).status).toBe(200);
    const res = await call<ErrorBody>(USERS.victor, path(), { body: { intelligence_type: "economic", title: "x" } });
    expect(res.status).toBe(403);
  });
});

describe("GET /intelligence/market", () => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    const [a, b, c] = await Promise.all([
      create({ title: "Regulators eye AI ads", summary: "EU draft on disclosure", intelligence_type: "regulatory" }),
      create({ title: "Budget shift", summary: "CMOs move 20% to AI tools", intelligence_type: "economic" }),
      create({
        title: "Price war",
        summary: "100% off_first month",
        intelligence_type: "competitive",
        threat_level: "critical",
        competitor_id: competitorId,
      }),
    ]);
    ids = { a: a!.id, b: b!.id, c: c!.id };
  });

  const search = async (query: string) =>
    (await call<MarketIntelligenceListResponse>(USERS.victor, path(`?limit=100&${query}`))).body.data.map((r) => r.id);

  it("searches title and summary, case-insensitively", async () => {
    expect(await search("q=ai")).toEqual(expect.arrayContaining([ids.a, ids.b]));
    expect(await search("q=ai")).not.toContain(ids.c);
    expect(await search("q=REGULATORS")).toEqual([ids.a]);
  });

  it("treats LIKE wildcards in q literally", async () => {
    expect(await search(`q=${encodeURIComponent("100%")}`)).toEqual([ids.c]);
    expect(await search("q=off_first")).toEqual([ids.c]);
    expect((await search(`q=${encodeURIComponent("%")}`)).sort()).toEqual([ids.b, ids.c].sort());
  });

  it("filters by type, threat level and competitor, combined with q", async () => {
    expect(await search("intelligence_type=regulatory,economic&q=ai")).toEqual(expect.arrayContaining([ids.a, ids.b]));
    expect(await search("threat_level=critical")).toEqual([ids.c]);
    expect(await search(`competitor_id=${competitorId}&q=price`)).toEqual([ids.c]);
    expect((await call(USERS.victor, path("?competitor_id=nope"))).status).toBe(400);
  });

  it("sorts by title with a cursor", async () => {
    const first = await call<MarketIntelligenceListResponse>(USERS.victor, path("?sort=title&limit=1"));
    const second = await call<MarketIntelligenceListResponse>(
      USERS.victor,
      path(`?sort=title&limit=1&cursor=${first.body.next_cursor}`),
    );
    expect(first.body.data[0]!.title <= second.body.data[0]!.title).toBe(true);
    const mismatch = await call<ErrorBody>(USERS.victor, path(`?cursor=${first.body.next_cursor}`));
    expect(mismatch.status).toBe(400);
  });
});
