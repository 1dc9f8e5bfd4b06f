import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type ErrorBody, expectEach, type RouteCase } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";
import { dropWorkspace, seer, seerWorkspace } from "./fixtures.ts";

const sql = testSql();
let ws: string;
let predictionId: string;
let intelligenceId: string;
beforeAll(async () => {
  ws = await seerWorkspace(sql);
  const predicted = await call<{ data: { id: string } }>(USERS.alice, seer(ws, "/predict-trend"), {
    body: { subject: "S", metric: "m", method: "linear", series: [1, 2, 3, 5], horizon: 1 },
  });
  predictionId = predicted.body.data.id;
  const gathered = await call<{ data: { id: string } }>(USERS.alice, seer(ws, "/intelligence/gather"), {
    body: {
      intelligence_type: "economic",
      title: "Rates up",
      reach: 0.5,
      magnitude: 0.5,
      sentiment: -0.2,
      source_reliability: 0.8,
      topics: [],
    },
  });
  intelligenceId = gathered.body.data.id;
});
afterAll(() => dropWorkspace(sql, ws));

const actions = (workspaceId: string): RouteCase[] => [
  [
    "predict",
    seer(workspaceId, "/predict-trend"),
    { body: { subject: "S", metric: "m", method: "linear", series: [1, 2, 3], horizon: 1 } },
  ],
  [
    "gather",
    seer(workspaceId, "/intelligence/gather"),
    {
      body: {
        intelligence_type: "economic",
        title: "T",
        reach: 0.1,
        magnitude: 0.1,
        sentiment: 0,
        source_reliability: 1,
        topics: [],
      },
    },
  ],
  [
    "analyze",
    seer(workspaceId, "/analysis/performance"),
    {
      body: { subject_type: "workspace", metrics: [{ name: "ctr", values: [1] }], thresholds: { ctr: { target: 1 } } },
    },
  ],
  [
    "recommend",
    seer(workspaceId, "/recommendations/generate"),
    { body: { title: "T", expected_impact: 5, success_probability: 0.5, implementation_effort: 5 } },
  ],
  [
    "report",
    seer(workspaceId, "/forecast/generate"),
    { body: { title: "T", period_start: "2027-01-01", period_end: "2027-01-31" } },
  ],
];

const reads = (workspaceId: string): RouteCase[] => [
  ["predictions", seer(workspaceId, "/predictions"), {}],
  ["prediction", seer(workspaceId, `/predictions/${predictionId}`), {}],
  ["intelligence", seer(workspaceId, "/intelligence"), {}],
  ["intelligence item", seer(workspaceId, `/intelligence/${intelligenceId}`), {}],
  ["recommendations", seer(workspaceId, "/recommendations"), {}],
  ["reports", seer(workspaceId, "/forecast/reports"), {}],
  ["status", seer(workspaceId, "/status"), {}],
];

describe("seer routes: security", () => {
  it("refuses every action to viewers and analysts (403) and records nothing", async () => {
    const before = await sql`select count(*)::int as n from public.events where workspace_id = ${ws}`;
    await expectEach(USERS.victor, actions(ws), 403);
    await expectEach(USERS.ana, actions(ws), 403);
    const after = await sql`select count(*)::int as n from public.events where workspace_id = ${ws}`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("lets every member read", async () => {
    await expectEach(USERS.victor, reads(ws), 200);
  });

  it("hides the workspace from outsiders (404) and its records from their own workspace", async () => {
    await expectEach(USERS.gina, [...actions(ws), ...reads(ws)], 404);
    const theirs = WORKSPACES.globexLaunch;
    for (const path of [`/predictions/${predictionId}`, `/intelligence/${intelligenceId}`]) {
      const res = await call<ErrorBody>(USERS.gina, seer(theirs, path));
      expect(res.status, path).toBe(404);
    }
    const listed = await call<{ data: { items: { id: string }[] } }>(
      USERS.gina,
      seer(theirs, "/predictions?limit=100"),
    );
    expect(listed.body.data.items.map((p) => p.id)).not.toContain(predictionId);
  });
});

describe("seer routes: bad query strings", () => {
  it("answers 400 naming the field", async () => {
    const cases: [string, string][] = [
      ["/predictions?limit=-1", "limit"],
      ["/predictions?sort=subject", "sort"],
      ["/predictions?forecast_type=arima", "forecast_type"],
      ["/predictions/12", "id"],
      ["/intelligence?threat_level=severe", "threat_level"],
      ["/recommendations?priority=urgent", "priority"],
      ["/forecast/reports?cursor=%%%", "cursor"],
    ];
    for (const [path, field] of cases) {
      const res = await call<ErrorBody>(USERS.victor, seer(ws, path));
      expect(res.status, path).toBe(400);
      expect(
        res.body.details.map((d) => d.field),
        path,
      ).toContain(field);
    }
  });

  it("refuses a cursor issued for another sort", async () => {
    const first = await call<{ data: { next_cursor: string | null } }>(
      USERS.victor,
      seer(ws, "/intelligence?limit=1&sort=created_at"),
    );
    await call(USERS.alice, seer(ws, "/intelligence/gather"), {
      body: {
        intelligence_type: "economic",
        title: "Second",
        reach: 0.5,
        magnitude: 0.5,
        sentiment: 0,
        source_reliability: 1,
        topics: [],
      },
    });
    const again = await call<{ data: { next_cursor: string | null } }>(
      USERS.victor,
      seer(ws, "/intelligence?limit=1&sort=created_at"),
    );
    const cursor = first.body.data.next_cursor ?? again.body.data.next_cursor;
    expect(cursor).not.toBeNull();
    const res = await call<ErrorBody>(
      USERS.victor,
      seer(ws, `/intelligence?limit=1&sort=-gathered_at&cursor=${cursor}`),
    );
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ field: "cursor", message: "cursor belongs to a different sort" });
  });
});
