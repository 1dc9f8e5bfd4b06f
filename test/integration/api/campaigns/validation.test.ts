import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, call, countRows, createWorkspace, type ErrorBody, idOf } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";

// Bad input on every campaigns endpoint: each answer is a 400 (415/422 where said) naming the
// field, and nothing is written — the workspace's row and event counts never move.
const sql = testSql();
let ws: string;
let otherWs: string;
let campaignId: string;
let foreignCohort: string;
const someCohort = crypto.randomUUID();
const counts = { campaigns: 0, positionings: 0, campaign_cohorts: 0, events: 0 };
const path = (suffix = "") => `/api/workspaces/${ws}/campaigns${suffix}`;

async function snapshot() {
  return Object.fromEntries(
    await Promise.all(Object.keys(counts).map(async (table) => [table, await countRows(sql, table, ws)] as const)),
  );
}

beforeAll(async () => {
  ws = await createWorkspace(sql, { members: [[USERS.ana, "analyst"]] });
  otherWs = await createWorkspace(sql, { members: [[USERS.gina, "admin"]] });
  campaignId = idOf(
    await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type, start_date)
    values (${ws}, 'Fixture', 'awareness', '2027-05-01') returning id`,
  );
  foreignCohort = idOf(
    await sql<{ id: string }[]>`
    insert into public.cohorts (workspace_id, name) values (${otherWs}, 'Not yours') returning id`,
  );
  Object.assign(counts, await snapshot());
});

afterAll(async () => {
  expect(await snapshot()).toEqual(counts);
});

const long = (n: number) => "x".repeat(n);
const valid = { name: "Valid", objective_type: "awareness" };

async function expectRejected(
  request: Parameters<typeof call>[2] & { path?: string },
  status: number,
  field?: string,
): Promise<ErrorBody> {
  const res = await call<ErrorBody>(USERS.ana, request.path ?? path(), request);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.status).toBe("error");
  // A field or one of its parts: `status.1` names the second entry of `status=a,b`.
  if (field !== undefined) {
    const fields = res.body.details.map((d) => d.field);
    expect(
      fields.some((f) => f === field || f?.startsWith(`${field}.`)),
      `${fields} names ${field}`,
    ).toBe(true);
  }
  return res.body;
}

describe("POST /campaigns rejects", () => {
  const cases: [string, unknown, string][] = [
    ["a missing name", { objective_type: "awareness" }, "name"],
    ["a missing objective_type", { name: "x" }, "objective_type"],
    ["a name of the wrong type", { ...valid, name: 42 }, "name"],
    ["a blank name", { ...valid, name: "   " }, "name"],
    ["a name over 200 characters", { ...valid, name: long(201) }, "name"],
    ["a description over 5000 characters", { ...valid, description: long(5001) }, "description"],
    ["an unknown objective type", { ...valid, objective_type: "virality" }, "objective_type"],
    ["a negative budget", { ...valid, budget: -1 }, "budget"],
    ["a budget given as a string", { ...valid, budget: "100" }, "budget"],
    ["a budget with fractions of cents", { ...valid, budget: 10.005 }, "budget"],
    ["a budget beyond numeric(14,2)", { ...valid, budget: 1e13 }, "budget"],
    ["a lower-case currency", { ...valid, currency: "usd" }, "currency"],
    ["dates out of order", { ...valid, start_date: "2027-06-01", end_date: "2027-05-31" }, "end_date"],
    ["an impossible date", { ...valid, start_date: "2027-02-30" }, "start_date"],
    ["a date in another format", { ...valid, end_date: "03/01/2027" }, "end_date"],
    ["an invalid positioning UUID", { ...valid, positioning_id: "not-a-uuid" }, "positioning_id"],
    ["an invalid cohort UUID", { ...valid, target_cohorts: [{ cohort_id: "1234" }] }, "target_cohorts.0.cohort_id"],
    [
      "an unknown cohort priority",
      { ...valid, target_cohorts: [{ cohort_id: someCohort, priority: "urgent" }] },
      "target_cohorts.0.priority",
    ],
    [
      "a cohort named twice",
      { ...valid, target_cohorts: [{ cohort_id: someCohort }, { cohort_id: someCohort }] },
      "target_cohorts",
    ],
    [
      "two primary cohorts",
      {
        ...valid,
        target_cohorts: [
          { cohort_id: someCohort, is_primary: true },
          { cohort_id: crypto.randomUUID(), is_primary: true },
        ],
      },
      "target_cohorts",
    ],
    ["target_cohorts that is not an array", { ...valid, target_cohorts: "all" }, "target_cohorts"],
    ["an unknown field", { ...valid, hacked: true }, "hacked"],
    ["a status (campaigns start in planning)", { ...valid, status: "active" }, "status"],
    ["a workspace_id (it comes from the path)", { ...valid, workspace_id: crypto.randomUUID() }, "workspace_id"],
    ["created_by (it is the caller)", { ...valid, created_by: USERS.alice.id }, "created_by"],
    [
      "both positioning and positioning_id",
      { ...valid, positioning_id: crypto.randomUUID(), positioning: { name: "p", statement: "s" } },
      "positioning",
    ],
    ["a positioning without a statement", { ...valid, positioning: { name: "p" } }, "positioning.statement"],
    [
      "an unknown field inside positioning",
      { ...valid, positioning: { name: "p", statement: "s", status: "active" } },
      "positioning.status",
    ],
    ["non-numeric KPI targets", { ...valid, kpis: { signups: "many" } }, "kpis.signups"],
    ["an invalid owner UUID", { ...valid, owner_id: "alice" }, "owner_id"],
  ];
  it.each(cases)("%s", async (_label, body, field) => {
    await expectRejected({ body }, 400, field);
  });

  it("a body that is not an object", async () => {
    await expectRejected({ body: [valid] }, 400);
    await expectRejected({ body: "null" }, 400);
  });

  it("malformed JSON", async () => {
    const body = await expectRejected({ body: "{ name: ", method: "POST" }, 400);
    expect(body.code).toBe("MALFORMED_JSON");
  });

  it("a body that is not JSON (415)", async () => {
    const res = await api(USERS.ana, path(), {
      method: "POST",
      body: JSON.stringify(valid),
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(415);
  });

  it("references outside the workspace (422, the same as ids that exist nowhere)", async () => {
    const foreign = await expectRejected(
      { body: { ...valid, target_cohorts: [{ cohort_id: foreignCohort }] } },
      422,
      "target_cohorts.0.cohort_id",
    );
    expect(foreign.code).toBe("UNKNOWN_REFERENCE");
    const missing = await expectRejected(
      { body: { ...valid, target_cohorts: [{ cohort_id: crypto.randomUUID() }] } },
      422,
    );
    expect(missing.error).toBe(foreign.error);
    await expectRejected({ body: { ...valid, positioning_id: crypto.randomUUID() } }, 422, "positioning_id");
    await expectRejected({ body: { ...valid, owner_id: USERS.nina.id } }, 422, "owner_id");
    await expectRejected({ body: { ...valid, owner_id: USERS.gina.id } }, 422, "owner_id");
  });
});

describe("PATCH /campaigns/:id rejects", () => {
  const cases: [string, unknown, string][] = [
    ["an empty body", {}, "json"],
    ["a status (use transitions)", { status: "active" }, "status"],
    ["an end date before the stored start date", { end_date: "2027-04-30" }, "end_date"],
    ["dates out of order within the body", { start_date: "2027-07-01", end_date: "2027-06-01" }, "end_date"],
    ["a null name", { name: null }, "name"],
    ["a negative budget", { budget: -0.01 }, "budget"],
    ["an unknown objective type", { objective_type: "fame" }, "objective_type"],
    ["an unknown field", { owner: "me" }, "owner"],
  ];
  it.each(cases)("%s", async (_label, body, field) => {
    await expectRejected({ path: path(`/${campaignId}`), method: "PATCH", body }, 400, field);
  });

  it("an invalid campaign id in the path", async () => {
    await expectRejected({ path: path("/not-a-uuid"), method: "PATCH", body: { name: "x" } }, 400, "campaignId");
    await expectRejected({ path: path("/not-a-uuid") }, 400, "campaignId");
  });
});

describe("POST /campaigns/:id/transitions rejects", () => {
  const cases: [string, unknown, string][] = [
    ["a missing target", {}, "to"],
    ["an unknown status", { to: "launched" }, "to"],
    ["a status of the wrong type", { to: 3 }, "to"],
    ["an unknown field", { to: "approved", reason: "because" }, "reason"],
  ];
  it.each(cases)("%s", async (_label, body, field) => {
    await expectRejected({ path: path(`/${campaignId}/transitions`), body }, 400, field);
  });

  it("an invalid campaign id in the path", async () => {
    await expectRejected({ path: path("/1/transitions"), body: { to: "approved" } }, 400, "campaignId");
    await expectRejected({ path: path("/1/archive"), method: "POST" }, 400, "campaignId");
  });
});

describe("GET /campaigns rejects", () => {
  const cases: [string, string, string][] = [
    ["an unknown status", "status=active,deleted", "status"],
    ["an unknown objective type", "objective_type=fame", "objective_type"],
    ["an unsortable column", "sort=budget", "sort"],
    ["a non-numeric limit", "limit=ten", "limit"],
    ["a cursor it did not issue", "cursor=abc%24", "cursor"],
    ["a date range out of order", "date_from=2027-02-01&date_to=2027-01-01", "date_to"],
    ["an impossible date", "date_from=2027-13-01", "date_from"],
    ["a search over 200 characters", `q=${long(201)}`, "q"],
    ["an unknown parameter", "stauts=active", "stauts"],
  ];
  it.each(cases)("%s", async (_label, query, field) => {
    await expectRejected({ path: path(`?${query}`) }, 400, field);
  });
});
