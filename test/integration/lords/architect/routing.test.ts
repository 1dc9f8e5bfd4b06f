import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArchitectDecision, RoutedRequest } from "../../../../functions/lords/architect/index.ts";
import { getAgent } from "../../../../shared/agents/registry/index.ts";
import type { Page } from "../../../../shared/db/pagination.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";
import { architectPath, architectWorkspace, eventsWith, expectData } from "./helpers.ts";

// Request routing through the real router: the routing table picks the guild and agents, the
// agent runtime queues their invocations, and the decision is recorded with request.routed.
const sql = testSql();
let ws: string;
const path = (suffix: string) => architectPath(ws, suffix);

beforeAll(async () => {
  ws = await architectWorkspace(sql);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});

const competitiveInput = getAgent("MTX-001")?.exampleInput as Record<string, unknown>;

describe("POST /requests/route", () => {
  it("happy: routes a new campaign to RES-001, queues its execution and records the routing decision", async () => {
    const routed = await expectData<RoutedRequest>(
      USERS.oliver,
      path("/requests/route"),
      { body: { request_type: "new_campaign", input: getAgent("RES-001")?.exampleInput, summary: "Spring launch" } },
      201,
    );
    expect(routed).toMatchObject({
      request_type: "new_campaign",
      guild: "research",
      agent_codes: ["RES-001"],
      priority: "high",
      executions: [expect.objectContaining({ agent_code: "RES-001", status: "queued" })],
    });
    const executionId = routed.executions[0]?.execution_id ?? "";
    const [execution] = await sql<{ status: string; triggered_by: string; code: string }[]>`
      select e.status, e.triggered_by, a.code from public.agent_execution_logs e
      join public.agent_registry a on a.id = e.agent_id where e.id = ${executionId}`;
    expect(execution).toEqual({ status: "queued", triggered_by: USERS.oliver.id, code: "RES-001" });

    const [decision] = await sql<
      { lord: string; decision_type: string; status: string; context: Record<string, unknown> }[]
    >`
      select lord, decision_type, status, context from public.decisions where id = ${routed.decision_id}`;
    expect(decision).toMatchObject({
      lord: "architect",
      decision_type: "routing",
      status: "implemented",
      context: {
        request_type: "new_campaign",
        guild: "research",
        execution_ids: [executionId],
        summary: "Spring launch",
      },
    });
    const events = await eventsWith(sql, ws, "decision_id", routed.decision_id);
    expect(events).toEqual([
      expect.objectContaining({
        event_type: "request.routed",
        lord: "architect",
        actor_id: USERS.oliver.id,
        payload: expect.objectContaining({ agent_codes: ["RES-001"], execution_ids: [executionId] }),
      }),
    ]);
    const queued = await sql<{ event_type: string }[]>`
      select event_type from public.events where workspace_id = ${ws} and payload ->> 'execution_id' = ${executionId}`;
    expect(queued.map((e) => e.event_type)).toEqual(["agent.queued"]);
  });

  it("happy: competitive analysis goes to both Matrix intel agents; the caller may lower the priority", async () => {
    const routed = await expectData<RoutedRequest>(
      USERS.alice,
      path("/requests/route"),
      { body: { request_type: "competitive_analysis", input: competitiveInput, priority: "low" } },
      201,
    );
    expect(routed).toMatchObject({ guild: "matrix", agent_codes: ["MTX-001", "MTX-002"], priority: "low" });
    expect(routed.executions.map((e) => e.agent_code)).toEqual(["MTX-001", "MTX-002"]);
  });

  it("error: an unknown request type or input the agents refuse is a 400 naming the field; nothing is queued", async () => {
    const before = await countExecutions();
    const unknown = await call<ErrorBody>(USERS.oliver, path("/requests/route"), {
      body: { request_type: "world_domination", input: {} },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0]?.field).toBe("request_type");
    const refused = await call<ErrorBody>(USERS.oliver, path("/requests/route"), {
      body: { request_type: "new_campaign", input: { market: "" } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d) => d.field)).toEqual(expect.arrayContaining(["input.brand", "input.market"]));
    const notObject = await call<ErrorBody>(USERS.oliver, path("/requests/route"), {
      body: { request_type: "new_campaign", input: "research this" },
    });
    expect(notObject.status).toBe(400);
    expect(notObject.body.details[0]?.field).toBe("input");
    expect(await countExecutions()).toBe(before);
    const [decisions] = await sql<{ n: number }[]>`
      select count(*)::int as n from public.decisions where workspace_id = ${ws} and decision_type = 'routing'`;
    expect(decisions?.n).toBe(2);
  });

  it("security: a viewer or analyst may not route (403); a non-member gets 404", async () => {
    const body = { request_type: "new_campaign", input: getAgent("RES-001")?.exampleInput };
    expect((await call(USERS.victor, path("/requests/route"), { body })).status).toBe(403);
    expect((await call(USERS.ana, path("/requests/route"), { body })).status).toBe(403);
    expect((await call(USERS.gina, path("/requests/route"), { body })).status).toBe(404);
  });
});

describe("GET /decisions", () => {
  it("happy: the Architect's decisions newest first, filterable by type", async () => {
    const all = await expectData<Page<ArchitectDecision>>(USERS.victor, path("/decisions"), {}, 200);
    expect(all.items.map((d) => d.decision_type)).toEqual(["routing", "routing"]);
    expect(all.items[0]?.title).toBe("Route competitive_analysis to matrix: MTX-001, MTX-002");
    const approvals = await expectData<Page<ArchitectDecision>>(
      USERS.victor,
      path("/decisions?decision_type=approval"),
      {},
      200,
    );
    expect(approvals.items).toEqual([]);
  });

  it("error: a bad filter is a 400 naming it", async () => {
    const res = await call<ErrorBody>(USERS.victor, path("/decisions?decision_type=whim"));
    expect(res.status).toBe(400);
    expect(res.body.details[0]?.field).toBe("decision_type");
  });

  it("security: another workspace does not see these decisions", async () => {
    const theirs = await expectData<Page<ArchitectDecision>>(
      USERS.gina,
      `/api/workspaces/${WORKSPACES.globexLaunch}/lords/architect/decisions?limit=100`,
      {},
      200,
    );
    const mine = await sql<{ id: string }[]>`select id from public.decisions where workspace_id = ${ws}`;
    const ids = new Set(mine.map((d) => d.id));
    expect(theirs.items.some((d) => ids.has(d.id))).toBe(false);
  });
});

async function countExecutions(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from public.agent_execution_logs where workspace_id = ${ws}`;
  return row?.n ?? 0;
}
