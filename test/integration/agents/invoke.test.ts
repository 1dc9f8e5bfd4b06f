import { beforeAll, describe, expect, it } from "vitest";
import type {
  BatchResponse,
  ExecutionListResponse,
  ExecutionResponse,
  InvokeResponse,
} from "../../../functions/agents/index.ts";
import { getAgent } from "../../../shared/agents/registry/index.ts";
import type { Sql } from "../../../shared/db/database.ts";
import { call, createWorkspace, type ErrorBody } from "../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../helpers/db.ts";
import { eventTypes, executionRow, publishedLogs, publishedMessages } from "./helpers.ts";

const example = (code: string) => getAgent(code)?.exampleInput;

let sql: Sql;
let ws: string;
let base: string;

beforeAll(async () => {
  sql = testSql();
  ws = await createWorkspace(sql, {
    members: [
      [USERS.alice, "admin"],
      [USERS.oliver, "lord_operator"],
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
  base = `/api/workspaces/${ws}/agents`;
});

describe("POST /agents/:code/invoke", () => {
  it("happy: validates, records a queued execution and publishes it to QStash with its context; 202", async () => {
    const { status, body, headers } = await call<InvokeResponse>(USERS.oliver, `${base}/RES-001/invoke`, {
      body: { input: example("RES-001") },
    });
    expect(status).toBe(202);
    expect(body.data.completed).toBe(false);
    expect(body.data.execution).toMatchObject({
      agent_code: "RES-001",
      status: "queued",
      tier: "fast",
      downgraded: false,
    });
    expect(body.data.budget).toMatchObject({ limit_usd: 40, threshold_reached: false });
    const id = (body.data.execution as { execution_id: string }).execution_id;

    expect(await executionRow(sql, id)).toMatchObject({ status: "queued", tokens_in: 0, attempts: 0 });
    expect(await eventTypes(sql, id)).toEqual(["agent.queued"]);
    const [message] = await publishedMessages(id);
    expect(message).toMatchObject({
      version: 1,
      execution_id: id,
      workspace_id: ws,
      agent_code: "RES-001",
      user_id: USERS.oliver.id,
      request_id: headers.get("x-request-id"),
      budget: { tier: "fast", requested_tier: "fast", downgraded: false },
    });
    const [log] = await publishedLogs(id);
    expect(log?.url).toMatch(/\/internal\/agents\/execute$/);
  });

  it("happy: ?wait=true holds the request up to wait_seconds, then answers 202 with the current state", async () => {
    const started = Date.now();
    const { status, body } = await call<InvokeResponse>(
      USERS.oliver,
      `${base}/RES-001/invoke?wait=true&wait_seconds=1`,
      {
        body: { input: example("RES-001") },
      },
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(status).toBe(202);
    expect(body.data.completed).toBe(false);
    expect(body.data.execution.status).toBe("queued");
  });

  it("error: input that breaks the agent's schema is a 400 naming each field; nothing is queued", async () => {
    const { status, body } = await call<ErrorBody>(USERS.oliver, `${base}/RES-001/invoke`, {
      body: { input: { market: "", brand: { name: 5 } } },
    });
    expect(status).toBe(400);
    expect(body.code).toBe("VALIDATION_ERROR");
    const fields = body.details.map((detail) => detail.field);
    expect(fields).toContain("input.market");
    expect(fields.some((field) => field?.startsWith("input.brand"))).toBe(true);
  });

  it("error: unknown agent is a 404, bad ?wait_seconds a 400", async () => {
    expect((await call<ErrorBody>(USERS.oliver, `${base}/RES-999/invoke`, { body: { input: {} } })).body.code).toBe(
      "AGENT_NOT_FOUND",
    );
    const tooLong = await call(USERS.oliver, `${base}/RES-001/invoke?wait=true&wait_seconds=300`, {
      body: { input: {} },
    });
    expect(tooLong.status).toBe(400);
  });

  it("security: viewers and analysts cannot invoke, outsiders cannot see the workspace, nobody unauthenticated", async () => {
    const request = { body: { input: example("RES-001") } };
    expect((await call(USERS.victor, `${base}/RES-001/invoke`, request)).status).toBe(403);
    expect((await call(USERS.ana, `${base}/RES-001/invoke`, request)).status).toBe(403);
    expect((await call(USERS.gina, `${base}/RES-001/invoke`, request)).status).toBe(404);
    expect((await call(null, `${base}/RES-001/invoke`, request)).status).toBe(401);
  });
});

describe("POST /agents/invoke/parallel", () => {
  it("happy: fans out 10 agents at once, each queued and published", async () => {
    const codes = [
      "RES-001",
      "RES-002",
      "RES-003",
      "RES-004",
      "RES-005",
      "MUSE-001",
      "MUSE-002",
      "MTX-001",
      "GRD-001",
      "LORD-001",
    ];
    const { status, body } = await call<BatchResponse>(USERS.oliver, `${base}/invoke/parallel`, {
      body: { invocations: codes.map((code) => ({ agent_code: code, input: example(code) })) },
    });
    expect(status).toBe(202);
    expect(body.data.graph_id).toBeNull();
    expect(body.data.executions.map((e) => e.agent_code)).toEqual(codes);
    expect(body.data.executions.every((e) => e.published && e.status === "queued")).toBe(true);
    expect(body.data.executions.find((e) => e.agent_code === "LORD-001")?.tier).toBe(getAgent("LORD-001")?.defaultTier);
    for (const execution of body.data.executions) {
      expect((await publishedMessages(execution.execution_id)).length).toBe(1);
    }
  });

  it("error: one bad input or unknown code fails the whole batch with its index", async () => {
    const { status, body } = await call<ErrorBody>(USERS.oliver, `${base}/invoke/parallel`, {
      body: {
        invocations: [
          { agent_code: "RES-001", input: example("RES-001") },
          { agent_code: "RES-001", input: {} },
        ],
      },
    });
    expect(status).toBe(400);
    expect(body.details.every((detail) => detail.field?.startsWith("invocations.1.input"))).toBe(true);
    const unknown = await call<ErrorBody>(USERS.oliver, `${base}/invoke/parallel`, {
      body: { invocations: [{ agent_code: "RES-404", input: {} }] },
    });
    expect(unknown.body.details[0]?.field).toBe("invocations.0.agent_code");
    expect((await call(USERS.oliver, `${base}/invoke/parallel`, { body: { invocations: [] } })).status).toBe(400);
  });
});

describe("POST /agents/invoke/graph", () => {
  const graph = [
    { key: "market", agent_code: "RES-001", input: example("RES-001") },
    { key: "competitors", agent_code: "RES-002", input: example("RES-002"), depends_on: ["market"] },
    { key: "audience", agent_code: "RES-003", input: example("RES-003"), depends_on: ["market"] },
    { key: "headlines", agent_code: "MUSE-001", input: example("MUSE-001"), depends_on: ["competitors", "audience"] },
    { key: "review", agent_code: "GRD-001", input: example("GRD-001"), depends_on: ["headlines"] },
  ];

  it("happy: queues a 5-step DAG and publishes only the steps with no dependencies", async () => {
    const { status, body } = await call<BatchResponse>(USERS.oliver, `${base}/invoke/graph`, {
      body: { nodes: graph },
    });
    expect(status).toBe(202);
    expect(body.data.graph_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data.executions.map((e) => [e.node_key, e.published])).toEqual([
      ["market", true],
      ["competitors", false],
      ["audience", false],
      ["headlines", false],
      ["review", false],
    ]);
    const [root] = await publishedMessages(body.data.executions[0]?.execution_id as string);
    expect(root?.graph).toMatchObject({ id: body.data.graph_id, node_key: "market" });
    expect(root?.graph?.nodes).toHaveLength(5);
    expect(await publishedMessages(body.data.executions[1]?.execution_id as string)).toEqual([]);

    const listed = await call<ExecutionListResponse>(
      USERS.victor,
      `${base}/executions?graph_id=${body.data.graph_id}&sort=created_at`,
    );
    expect(listed.body.data.map((item) => item.node_key).sort()).toEqual([
      "audience",
      "competitors",
      "headlines",
      "market",
      "review",
    ]);
  });

  it("error: a cycle is rejected with 400 and named; nothing is queued", async () => {
    const cyclic = [
      { key: "a", agent_code: "RES-001", input: example("RES-001"), depends_on: ["c"] },
      { key: "b", agent_code: "RES-002", input: example("RES-002"), depends_on: ["a"] },
      { key: "c", agent_code: "RES-003", input: example("RES-003"), depends_on: ["b"] },
    ];
    const { status, body } = await call<ErrorBody & { details: { cycle?: string[] }[] }>(
      USERS.oliver,
      `${base}/invoke/graph`,
      {
        body: { nodes: cyclic },
      },
    );
    expect(status).toBe(400);
    expect(body.code).toBe("INVALID_GRAPH");
    expect(body.error).toMatch(/cycle/);
    expect(body.details[0]?.cycle).toHaveLength(4);
  });

  it("error: unknown dependencies and duplicate keys are 400s with field paths", async () => {
    const { body } = await call<ErrorBody>(USERS.oliver, `${base}/invoke/graph`, {
      body: {
        nodes: [
          { key: "a", agent_code: "RES-001", input: example("RES-001"), depends_on: ["ghost"] },
          { key: "a", agent_code: "RES-002", input: example("RES-002") },
        ],
      },
    });
    expect(body.code).toBe("INVALID_GRAPH");
    expect(body.details.map((detail) => detail.field).sort()).toEqual(["nodes.0.depends_on.0", "nodes.1.key"]);
  });
});

describe("GET /agents/executions", () => {
  it("happy: lists with filters and pages, newest first; shows one with input and output", async () => {
    const first = await call<ExecutionListResponse>(USERS.victor, `${base}/executions?agent_code=res-001&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data.every((item) => item.agent_code === "RES-001" && item.guild === "research")).toBe(true);
    expect(first.body.next_cursor).toBeTruthy();
    const next = await call<ExecutionListResponse>(
      USERS.victor,
      `${base}/executions?agent_code=RES-001&limit=2&cursor=${first.body.next_cursor}`,
    );
    expect(next.body.data[0]?.id).not.toBe(first.body.data[0]?.id);

    const id = first.body.data[0]?.id as string;
    const one = await call<ExecutionResponse>(USERS.victor, `${base}/executions/${id}`);
    expect(one.body.data).toMatchObject({
      id,
      status: "queued",
      agent_code: "RES-001",
      cost_usd: 0,
      cached: false,
      attempts: 0,
      output: null,
      citations: [],
    });
    expect(one.body.data.input).toMatchObject({ market: "United States" });
  });

  it("error: unknown status filter is a 400, unknown id a 404", async () => {
    expect((await call(USERS.victor, `${base}/executions?status=exploded`)).status).toBe(400);
    expect((await call(USERS.victor, `${base}/executions/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("security: another workspace's execution is not visible through this one", async () => {
    const seeded = "0b000000-0000-4000-8000-000000000001";
    const [row] = await sql<
      { id: string }[]
    >`select id from public.agent_execution_logs where workspace_id = ${WORKSPACES.acmeGrowth} limit 1`;
    expect(seeded).toBe(WORKSPACES.acmeGrowth);
    expect((await call(USERS.victor, `${base}/executions/${row?.id}`)).status).toBe(404);
  });
});
