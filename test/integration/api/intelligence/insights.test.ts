import { beforeAll, describe, expect, it } from "vitest";
import type {
  CustomerInsight,
  CustomerInsightListResponse,
  CustomerInsightResponse,
} from "../../../../functions/intelligence/insights/index.ts";
import { call, createWorkspace, type ErrorBody, idOf } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";

// Customer insights through the real router: cohort references, numeric confidence, search.
const sql = testSql();
let ws: string;
let cohortId: string;
const path = (suffix = "") => `/api/workspaces/${ws}/intelligence/insights${suffix}`;

beforeAll(async () => {
  ws = await createWorkspace(sql, {
    members: [
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
  cohortId = idOf(
    await sql<{ id: string }[]>`
    insert into public.cohorts (workspace_id, name) values (${ws}, 'Founders') returning id`,
  );
});

async function create(body: Record<string, unknown>): Promise<CustomerInsight> {
  const res = await call<CustomerInsightResponse>(USERS.ana, path(), {
    body: { insight_type: "pain_point", title: "Untitled", insight: "Something", ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.headers.get("location")).toBe(path(`/${res.body.data.id}`));
  return res.body.data;
}

describe("customer insights", () => {
  it("records an insight tied to a cohort, with numbers as numbers, and insight.created", async () => {
    const insight = await create({
      title: "Reporting takes a day",
      insight: "Founders rebuild the weekly report by hand.",
      evidence: ["9 of 12 interviews"],
      confidence: 0.75,
      impact_score: 80,
      cohort_id: cohortId,
    });
    expect(insight).toMatchObject({
      confidence: 0.75,
      impact_score: 80,
      cohort_id: cohortId,
      evidence: ["9 of 12 interviews"],
    });
    const [event] = await sql<{ event_type: string; payload: Record<string, unknown> }[]>`
      select event_type, payload from public.events where workspace_id = ${ws} and payload ->> 'insight_id' = ${insight.id}`;
    expect(event).toMatchObject({ event_type: "insight.created", payload: { title: "Reporting takes a day" } });
  });

  it("refuses a cohort of another workspace and a confidence above 1", async () => {
    const [foreign] = await sql<{ id: string }[]>`
      select id from public.cohorts where workspace_id = ${WORKSPACES.acmeGrowth} limit 1`;
    const ref = await call<ErrorBody>(USERS.ana, path(), {
      body: { insight_type: "motivation", title: "x", insight: "y", cohort_id: foreign!.id },
    });
    expect(ref.status).toBe(422);
    expect(ref.body.details[0]?.field).toBe("cohort_id");
    const range = await call<ErrorBody>(USERS.ana, path(), {
      body: { insight_type: "motivation", title: "x", insight: "y", confidence: 1.5 },
    });
    expect(range.status).toBe(400);
    expect(range.body.details[0]?.field).toBe("confidence");
  });

  it("searches title and insight text, filters by type and cohort", async () => {
    const a = await create({
      title: "Too many dashboards",
      insight: "They want one number",
      insight_type: "preference",
    });
    const b = await create({
      title: "Price",
      insight: "Dashboards cost too much",
      insight_type: "objection",
      cohort_id: cohortId,
    });
    const ids = async (query: string) =>
      (await call<CustomerInsightListResponse>(USERS.victor, path(`?limit=100&${query}`))).body.data.map((i) => i.id);
    expect((await ids("q=dashboards")).sort()).toEqual([a.id, b.id].sort());
    expect(await ids("q=dashboards&insight_type=objection")).toEqual([b.id]);
    expect(await ids(`q=dashboards&cohort_id=${cohortId}`)).toEqual([b.id]);
  });

  it("changes and deletes", async () => {
    const insight = await create({ title: "Temp" });
    const changed = await call<CustomerInsightResponse>(USERS.ana, path(`/${insight.id}`), {
      method: "PATCH",
      body: { confidence: null, title: "Renamed" },
    });
    expect(changed.body.data).toMatchObject({ confidence: null, title: "Renamed" });
    expect((await call(USERS.victor, path(`/${insight.id}`), { method: "DELETE" })).status).toBe(403);
    expect((await call(USERS.ana, path(`/${insight.id}`), { method: "DELETE" })).status).toBe(204);
    expect((await call(USERS.ana, path(`/${insight.id}`))).status).toBe(404);
  });
});
