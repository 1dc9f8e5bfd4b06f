import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CouncilDecision, DecisionsResponse } from "../../../../functions/council/index.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { dropWorkspaces, heraldWorkspace } from "./fixtures.ts";

const sql = testSql();
let ws: string;
let theirs: string;
const ids: Record<string, string> = {};

const decisions = (workspaceId: string, query = "") => `/api/workspaces/${workspaceId}/council/decisions${query}`;
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);

async function one(rows: Promise<{ id: string }[]>): Promise<string> {
  const [row] = await rows;
  if (!row) throw new Error("fixture insert returned no row");
  return row.id;
}

beforeAll(async () => {
  [ws, theirs] = await Promise.all([heraldWorkspace(sql), heraldWorkspace(sql)]);
  // One decision of each kind the Council keeps, at known times (newest: the ruling).
  ids.routing = await one(sql`
    insert into public.decisions (workspace_id, lord, decision_type, title, recommendation, confidence, status, decided_at)
    values (${ws}, 'architect', 'routing', 'Route launch research to RES guild', 'RES-001', 0.875, 'implemented', ${at(50)})
    returning id`);
  ids.override = await one(sql`
    insert into public.decisions (workspace_id, lord, decision_type, title, status, decided_by, decided_at)
    values (${ws}, 'strategos', 'priority_override', 'Launch before rebrand', 'approved', ${USERS.oliver.id}, ${at(40)})
    returning id`);
  ids.proposed = await one(sql`
    insert into public.decisions (workspace_id, lord, decision_type, title, created_at)
    values (${ws}, 'cognition', 'strategic', 'Shift budget to video', ${at(35)})
    returning id`);
  ids.initiative = await one(sql`
    insert into public.initiatives (workspace_id, name, status, approved_by, approved_at)
    values (${ws}, 'Spring launch', 'approved', ${USERS.alice.id}, ${at(30)})
    returning id`);
  await sql`insert into public.initiatives (workspace_id, name) values (${ws}, 'Not yet approved')`;
  const item = await one(sql`
    insert into public.content_items (workspace_id, content_type, title, body)
    values (${ws}, 'copy', 'Launch email', 'Hello') returning id`);
  ids.approval = await one(sql`
    insert into public.approval_workflows (workspace_id, content_item_id, status, score, decided_by, decided_at)
    values (${ws}, ${item}, 'rejected', 61.5, ${USERS.oliver.id}, ${at(20)})
    returning id`);
  const conflict = await one(sql`
    insert into public.conflict_cases (workspace_id, title, conflict_type, severity)
    values (${ws}, 'Budget dispute', 'resource_allocation', 'high') returning id`);
  ids.ruling = await one(sql`
    insert into public.arbitration_decisions (workspace_id, case_id, ruling, stakeholder_satisfaction, decided_at)
    values (${ws}, ${conflict}, 'Split the budget 60/40 in favour of launch', 82.5, ${at(10)})
    returning id`);
  await sql`
    insert into public.decisions (workspace_id, lord, decision_type, title, decided_at)
    values (${theirs}, 'architect', 'routing', 'Another workspace''s routing', ${at(5)})`;
});
afterAll(async () => {
  await dropWorkspaces(sql, [ws, theirs]);
});

type Page = { data: { items: CouncilDecision[]; next_cursor: string | null } };

describe("GET /council/decisions", () => {
  it("happy: routing decisions, overrides, approvals and rulings across Lords, newest first", async () => {
    const res = await call<DecisionsResponse>(USERS.victor, decisions(ws));
    expect(res.status).toBe(200);
    const items = res.body.data.items;
    expect(items.map((item) => item.id)).toEqual([
      ids.ruling,
      ids.approval,
      ids.initiative,
      ids.proposed,
      ids.override,
      ids.routing,
    ]);
    expect(items.map((item) => [item.source, item.lord, item.kind, item.status])).toEqual([
      ["arbitration_decisions", "arbiter", "conflict", "issued"],
      ["approval_workflows", "aesthete", "approval", "rejected"],
      ["initiatives", "architect", "approval", "approved"],
      ["decisions", "cognition", "strategic", "proposed"],
      ["decisions", "strategos", "priority_override", "approved"],
      ["decisions", "architect", "routing", "implemented"],
    ]);
    expect(items[0]).toMatchObject({
      title: "Split the budget 60/40 in favour of launch",
      detail: { stakeholder_satisfaction: 82.5 },
    });
    expect(items[1]).toMatchObject({
      title: "Launch email",
      decided_by: USERS.oliver.id,
      detail: { score: 61.5, threshold: 75 },
    });
    expect(items[5]).toMatchObject({ confidence: 0.875, detail: { recommendation: "RES-001" } });
    expect(res.body.data.next_cursor).toBeNull();
  });

  it("filters by lord, kind, source and time, and pages with a cursor", async () => {
    const approvals = await call<Page>(USERS.victor, decisions(ws, "?kind=approval,routing"));
    expect(approvals.body.data.items.map((item) => item.id)).toEqual([ids.approval, ids.initiative, ids.routing]);
    const architect = await call<Page>(USERS.victor, decisions(ws, "?lord=architect"));
    expect(architect.body.data.items.map((item) => item.id)).toEqual([ids.initiative, ids.routing]);
    const recent = await call<Page>(USERS.victor, decisions(ws, `?since=${encodeURIComponent(at(25).toISOString())}`));
    expect(recent.body.data.items.map((item) => item.id)).toEqual([ids.ruling, ids.approval]);
    const source = await call<Page>(USERS.victor, decisions(ws, "?source=decisions"));
    expect(source.body.data.items).toHaveLength(3);

    const first = await call<Page>(USERS.victor, decisions(ws, "?limit=4"));
    expect(first.body.data.items).toHaveLength(4);
    const rest = await call<Page>(USERS.victor, decisions(ws, `?limit=4&cursor=${first.body.data.next_cursor}`));
    expect(rest.body.data.items.map((item) => item.id)).toEqual([ids.override, ids.routing]);
    expect(rest.body.data.next_cursor).toBeNull();
  });

  it("error: 400 names the bad filter", async () => {
    const badLord = await call<ErrorBody>(USERS.victor, decisions(ws, "?lord=jester"));
    expect(badLord.status).toBe(400);
    expect(badLord.body.details[0]?.field).toMatch(/^lord/);
    const badSince = await call<ErrorBody>(USERS.victor, decisions(ws, "?since=yesterday"));
    expect(badSince.body.details[0]?.field).toBe("since");
    const badCursor = await call<ErrorBody>(USERS.victor, decisions(ws, "?cursor=abc"));
    expect(badCursor.body.details[0]?.field).toBe("cursor");
    const unknown = await call<ErrorBody>(USERS.victor, decisions(ws, "?lords=architect"));
    expect(unknown.body.details[0]?.field).toBe("lords");
  });

  it("security: a non-member gets 404 and another workspace's decisions never appear", async () => {
    expect((await call(USERS.gina, decisions(ws))).status).toBe(404);
    expect((await call(null, decisions(ws))).status).toBe(401);
    const mine = await call<Page>(USERS.alice, decisions(ws));
    expect(mine.body.data.items.some((item) => item.title === "Another workspace's routing")).toBe(false);
  });
});
