import { Client } from "@upstash/qstash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecutionDetail } from "../../functions/agents/executions-query.ts";
import type { BatchResponse, CostsResponse, InvokeResponse } from "../../functions/agents/index.ts";
import { type ExecutionMessage, spendKey } from "../../shared/agents/runtime/index.ts";
import {
  type AgentsClient,
  ALICE,
  agentsClient,
  eventTypes,
  eventually,
  example,
  finished,
  OLIVER,
} from "./agents-support.ts";
import { type Harness, startHarness } from "./harness.ts";

// The whole loop through the local QStash: API → queue → signed delivery → consumer → result stored.
let harness: Harness;
let client: AgentsClient;
let qstash: Client;
let base: string;
const METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef0123456789";

beforeAll(async () => {
  harness = await startHarness({ name: `e2e_agents_flow_${process.pid}`, vars: { METRICS_TOKEN } });
  client = await agentsClient(harness);
  qstash = new Client({ baseUrl: harness.stack.urls.qstash, token: harness.stack.bindings.QSTASH_TOKEN as string });
  base = `/api/workspaces/${client.workspace}/agents`;
});

afterAll(async () => {
  await client?.close();
  await harness?.dispose();
});

const idOf = (response: InvokeResponse) => (response.data.execution as { execution_id: string }).execution_id;

describe("agents end to end", () => {
  it("happy: invoke → delivered → executed → result, and ?wait=true returns it", async () => {
    const queued = await client.api<InvokeResponse>(OLIVER, `${base}/RES-001/invoke`, { input: example("RES-001") });
    expect(queued.status).toBe(202);
    const [row] = await finished(client.sql, [idOf(queued.body)]);
    expect(row).toMatchObject({ status: "succeeded", provider: "local", model: "fast", attempts: 1 });
    expect(await eventTypes(client.sql, idOf(queued.body))).toEqual([
      "agent.queued",
      "agent.started",
      "agent.completed",
    ]);

    const waited = await client.api<InvokeResponse>(OLIVER, `${base}/MUSE-001/invoke?wait=true&wait_seconds=20`, {
      input: example("MUSE-001"),
    });
    expect(waited.status).toBe(200);
    expect(waited.body.data.completed).toBe(true);
    expect(waited.body.data.execution).toMatchObject({
      status: "succeeded",
      agent_code: "MUSE-001",
      model: "balanced",
    });
    expect((waited.body.data.execution as { output: unknown }).output).toBeTruthy();
  });

  it("happy: a DAG of 5 agents runs in dependency order, each step after the ones it needs", async () => {
    const nodes = [
      { key: "market", agent_code: "RES-001", input: example("RES-001") },
      { key: "competitors", agent_code: "RES-002", input: example("RES-002"), depends_on: ["market"] },
      { key: "audience", agent_code: "RES-003", input: example("RES-003"), depends_on: ["market"] },
      { key: "headlines", agent_code: "MUSE-001", input: example("MUSE-001"), depends_on: ["competitors", "audience"] },
      { key: "review", agent_code: "GRD-001", input: example("GRD-001"), depends_on: ["headlines"] },
    ];
    const { status, body } = await client.api<BatchResponse>(OLIVER, `${base}/invoke/graph`, { nodes });
    expect(status).toBe(202);
    const rows = await finished(
      client.sql,
      body.data.executions.map((e) => e.execution_id),
    );
    const byKey = new Map(rows.map((row) => [row.node_key, row]));
    expect(rows.every((row) => row.status === "succeeded")).toBe(true);
    for (const node of nodes) {
      for (const dep of node.depends_on ?? []) {
        const started = byKey.get(node.key)?.started_at?.getTime() ?? 0;
        expect(started).toBeGreaterThanOrEqual(byKey.get(dep)?.completed_at?.getTime() ?? Infinity);
      }
    }
  });

  it("happy: a parallel fan-out of 10 agents all complete", async () => {
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
      "GRD-002",
    ];
    const { status, body } = await client.api<BatchResponse>(OLIVER, `${base}/invoke/parallel`, {
      invocations: codes.map((code) => ({ agent_code: code, input: example(code) })),
    });
    expect(status).toBe(202);
    const rows = await finished(
      client.sql,
      body.data.executions.map((e) => e.execution_id),
    );
    expect(rows.map((row) => row.status)).toEqual(Array(10).fill("succeeded"));
  });

  it("happy: a redelivered message → one execution, one cost entry", async () => {
    const queued = await client.api<InvokeResponse>(OLIVER, `${base}/RES-002/invoke`, { input: example("RES-002") });
    const id = idOf(queued.body);
    const [before] = await finished(client.sql, [id]);
    const logs = await qstash.logs({ filter: { url: `${harness.url}/internal/agents/execute` } });
    const original = logs.logs.find((log) => log.body && Buffer.from(log.body, "base64").toString().includes(id));
    const message = JSON.parse(Buffer.from(original?.body as string, "base64").toString()) as ExecutionMessage;
    // QStash redelivers the same body (at-least-once): publish it again, twice, with no deduplication.
    const again = await Promise.all(
      [1, 2].map(() =>
        qstash.publishJSON({ url: `${harness.url}/internal/agents/execute`, body: message, retries: 0 }),
      ),
    );
    await eventually(async () => {
      const states = await Promise.all(
        again.map(async ({ messageId }) => (await qstash.logs({ filter: { messageId } })).logs[0]?.state),
      );
      return states.every((state) => state === "DELIVERED");
    });
    const [after] = await client.sql`select * from public.agent_execution_logs where id = ${id}`;
    expect(after).toEqual(before);
    expect(await client.sql`select id from public.cost_ledger where execution_id = ${id}`).toHaveLength(1);
  });

  it("cache: an identical invocation is answered from the cache at no cost; /costs and /metrics report it", async () => {
    const invoke = () =>
      client.api<InvokeResponse>(OLIVER, `${base}/MTX-003/invoke?wait=true&wait_seconds=20`, {
        input: example("MTX-003"),
      });
    const first = await invoke();
    const second = await invoke();
    expect([first.status, second.status]).toEqual([200, 200]);
    const [ran, cached] = [first.body.data.execution, second.body.data.execution] as ExecutionDetail[];
    expect(ran).toMatchObject({ status: "succeeded", cached: false, attempts: 1 });
    expect(ran?.cost_usd).toBeGreaterThan(0);
    expect(cached).toMatchObject({ status: "succeeded", cached: true, attempts: 0, cost_usd: 0, output: ran?.output });
    const [entry] =
      await client.sql`select amount_usd, cache_hit from public.cost_ledger where execution_id = ${cached?.id ?? ""}`;
    expect(entry).toEqual({ amount_usd: "0.000000", cache_hit: true });

    const costs = await client.api<CostsResponse>(OLIVER, `/api/workspaces/${client.workspace}/costs`);
    expect(costs.body.data.total.cache_hits).toBeGreaterThanOrEqual(1);
    expect(costs.body.data.cache.agent_responses.hits).toBeGreaterThanOrEqual(1);
    expect(costs.body.data.cache.saved_usd).toBeGreaterThan(0);

    const metrics = await harness.fetch(`/metrics?workspace_id=${client.workspace}`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(
      new RegExp(
        `raptorflow_cache_lookups_total\\{workspace_id="${client.workspace}",type="agent_responses",result="hit"\\} [1-9]`,
      ),
    );
  });

  it("security: a tampered signature is a 401 and runs nothing", async () => {
    const queued = await client.api<InvokeResponse>(OLIVER, `${base}/RES-003/invoke`, { input: example("RES-003") });
    await finished(client.sql, [idOf(queued.body)]);
    const forged = {
      version: 1,
      execution_id: crypto.randomUUID(),
      workspace_id: client.workspace,
      agent_code: "RES-003",
    };
    const res = await harness.fetch("/internal/agents/execute", {
      method: "POST",
      headers: { "content-type": "application/json", "upstash-signature": "eyJhbGciOiJIUzI1NiJ9.e30.forged" },
      body: JSON.stringify(forged),
    });
    expect(res.status).toBe(401);
  });

  it("budget: downgrade past the threshold (the run uses the cheaper model), 402 at exhaustion", async () => {
    await client.sql`insert into public.budgets (workspace_id, monthly_limit_usd, alert_threshold_percent)
                     values (${client.workspace}, 5, 80)
                     on conflict (workspace_id) do update set monthly_limit_usd = 5, alert_threshold_percent = 80`;
    await client.redis.set(spendKey(client.workspace, new Date()), 4_500_000, { ex: 600 });
    const downgraded = await client.api<InvokeResponse>(ALICE, `${base}/MUSE-001/invoke`, {
      input: example("MUSE-001"),
    });
    expect(downgraded.status).toBe(202);
    expect(downgraded.body.data.execution).toMatchObject({
      tier: "fast",
      requested_tier: "balanced",
      downgraded: true,
    });
    const [row] = await finished(client.sql, [idOf(downgraded.body)]);
    expect(row).toMatchObject({ status: "succeeded", model: "fast" });

    await client.redis.set(spendKey(client.workspace, new Date()), 5_000_000, { ex: 600 });
    const refused = await client.api<{ code: string }>(ALICE, `${base}/MUSE-001/invoke`, {
      input: example("MUSE-001"),
    });
    expect(refused.status).toBe(402);
    expect(refused.body.code).toBe("BUDGET_EXHAUSTED");
    const alerts =
      await client.sql`select alert_type from public.alerts where workspace_id = ${client.workspace} and metadata ->> 'kind' = 'exhausted'`;
    expect(alerts).toHaveLength(1);
  });
});
