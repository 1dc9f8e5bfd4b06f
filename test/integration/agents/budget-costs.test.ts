import { env } from "cloudflare:test";
import { Redis } from "@upstash/redis/cloudflare";
import { beforeAll, describe, expect, it } from "vitest";
import type { CostsResponse, InvokeResponse } from "../../../functions/agents/index.ts";
import { getAgent } from "../../../shared/agents/registry/index.ts";
import { type ExecutionMessage, spendKey } from "../../../shared/agents/runtime/index.ts";
import type { Sql } from "../../../shared/db/database.ts";
import { call, createWorkspace, type ErrorBody } from "../../helpers/api.ts";
import { testSql, USERS } from "../../helpers/db.ts";
import { deliverExecution, publishedMessages } from "./helpers.ts";

const redis = new Redis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN });
const example = (code: string) => getAgent(code)?.exampleInput;

let sql: Sql;

beforeAll(() => {
  sql = testSql();
});

describe("budgets", () => {
  let ws: string;
  beforeAll(async () => {
    ws = await createWorkspace(sql, { members: [[USERS.alice, "admin"]] });
    await sql`insert into public.budgets (workspace_id, monthly_limit_usd, alert_threshold_percent) values (${ws}, 1, 50)`;
  });

  it("happy: under the threshold an agent runs on its own tier", async () => {
    await redis.set(spendKey(ws, new Date()), 100_000, { ex: 600 }); // $0.10
    const { status, body } = await call<InvokeResponse>(USERS.alice, `/api/workspaces/${ws}/agents/MUSE-001/invoke`, {
      body: { input: example("MUSE-001") },
    });
    expect(status).toBe(202);
    expect(body.data.execution).toMatchObject({ tier: "balanced", downgraded: false });
    expect(body.data.budget).toMatchObject({ limit_usd: 1, spent_usd: 0.1, threshold_reached: false });
  });

  it("past the threshold the tier drops, and the crossing is announced once", async () => {
    await redis.set(spendKey(ws, new Date()), 600_000, { ex: 600 }); // $0.60 of $1, threshold 50%
    for (let i = 0; i < 2; i++) {
      const { status, body } = await call<InvokeResponse>(USERS.alice, `/api/workspaces/${ws}/agents/MUSE-001/invoke`, {
        body: { input: example("MUSE-001") },
      });
      expect(status).toBe(202);
      expect(body.data.execution).toMatchObject({ tier: "fast", requested_tier: "balanced", downgraded: true });
      expect(body.data.budget.threshold_reached).toBe(true);
    }
    const events =
      await sql`select payload from public.events where workspace_id = ${ws} and event_type = 'budget.threshold_reached'`;
    expect(events).toHaveLength(1);
    const alerts = await sql`select severity from public.alerts where workspace_id = ${ws} and alert_type = 'budget'`;
    expect(alerts).toEqual([{ severity: "warning" }]);
  });

  it("error: at zero the invocation is refused with 402 and an alert, and nothing is queued", async () => {
    await redis.set(spendKey(ws, new Date()), 1_000_000, { ex: 600 });
    const before = await sql`select id from public.agent_execution_logs where workspace_id = ${ws}`;
    const { status, body } = await call<ErrorBody>(USERS.alice, `/api/workspaces/${ws}/agents/RES-001/invoke`, {
      body: { input: example("RES-001") },
    });
    expect(status).toBe(402);
    expect(body.code).toBe("BUDGET_EXHAUSTED");
    expect(await sql`select id from public.agent_execution_logs where workspace_id = ${ws}`).toHaveLength(
      before.length,
    );
    const exhausted =
      await sql`select severity from public.alerts where workspace_id = ${ws} and metadata ->> 'kind' = 'exhausted'`;
    expect(exhausted).toEqual([{ severity: "error" }]);
    const events =
      await sql`select id from public.events where workspace_id = ${ws} and event_type = 'budget.exhausted'`;
    expect(events).toHaveLength(1);
  });

  it("rebuilds a missing spend counter from the ledger", async () => {
    await redis.del(spendKey(ws, new Date()));
    const { body } = await call<CostsResponse>(USERS.alice, `/api/workspaces/${ws}/costs`);
    expect(body.data.budget).toMatchObject({ limit_usd: 1, spent_usd: 0, source: "budget" });
    expect(Number(await redis.get(spendKey(ws, new Date())))).toBe(0);
  });
});

describe("GET /costs", () => {
  let ws: string;
  beforeAll(async () => {
    ws = await createWorkspace(sql, {
      members: [
        [USERS.oliver, "lord_operator"],
        [USERS.ana, "analyst"],
        [USERS.victor, "viewer"],
      ],
    });
    // RES-001 twice: the second, identical invocation is answered from the response cache.
    for (const code of ["RES-001", "RES-002", "MUSE-001", "RES-001"]) {
      const { body } = await call<InvokeResponse>(USERS.oliver, `/api/workspaces/${ws}/agents/${code}/invoke`, {
        body: { input: example(code) },
      });
      const [message] = await publishedMessages((body.data.execution as { execution_id: string }).execution_id);
      await deliverExecution(message as ExecutionMessage);
    }
  });

  it("happy: reports spend by agent, model, guild and day from the ledger, with the month's budget", async () => {
    const { status, body } = await call<CostsResponse>(USERS.ana, `/api/workspaces/${ws}/costs`);
    expect(status).toBe(200);
    const costs = body.data;
    expect(costs.total).toMatchObject({ entries: 4, cache_hits: 1 });
    expect(costs.total.cost_usd).toBeGreaterThan(0);
    expect(costs.by_agent.map((line) => [line.agent_code, line.entries, line.cache_hits]).sort()).toEqual([
      ["MUSE-001", 1, 0],
      ["RES-001", 2, 1],
      ["RES-002", 1, 0],
    ]);
    expect(costs.by_guild.map((line) => [line.guild, line.entries]).sort()).toEqual([
      ["muse", 1],
      ["research", 3],
    ]);
    expect(costs.by_model.map((line) => `${line.provider}:${line.model}`).sort()).toEqual([
      "local:balanced",
      "local:fast",
    ]);
    expect(costs.by_day).toHaveLength(1);
    expect(costs.by_day[0]?.cost_usd).toBeCloseTo(costs.total.cost_usd, 9);
    expect(costs.budget).toMatchObject({ limit_usd: 30, source: "default", hard_limit: true });
    expect(costs.budget.spent_usd).toBeCloseTo(costs.total.cost_usd, 6);
  });

  it("happy: reports the cache's hit rate, size, evictions and the money its hits saved", async () => {
    const { body } = await call<CostsResponse>(USERS.ana, `/api/workspaces/${ws}/costs`);
    const { cache } = body.data;
    const [first] = await sql<{ cost_usd: string }[]>`
      select e.cost_usd from public.agent_execution_logs e join public.agent_registry a on a.id = e.agent_id
      where e.workspace_id = ${ws} and a.code = 'RES-001' and not e.cached`;
    expect(cache.agent_responses).toMatchObject({ hits: 1, misses: 3, coalesced: 0, hit_rate: 0.25, keys: 3 });
    expect(cache.agent_responses.saved_usd).toBeCloseTo(Number(first?.cost_usd), 6);
    expect(cache.saved_usd).toBeCloseTo(cache.agent_responses.saved_usd, 6);
    expect(cache.keys).toBeGreaterThanOrEqual(3);
    expect(cache.evictions).toEqual({ expired: 0, invalidated: 0, total: 0 });
    expect(cache.size_complete).toBe(true);
  });

  it("happy: a period with no spend reports zeros", async () => {
    const { body } = await call<CostsResponse>(USERS.ana, `/api/workspaces/${ws}/costs?from=2020-01-01&to=2020-01-31`);
    expect(body.data.total).toEqual({ cost_usd: 0, entries: 0, cache_hits: 0, tokens_in: 0, tokens_out: 0 });
    expect(body.data.by_agent).toEqual([]);
  });

  it("error/security: a reversed period is a 400; viewers cannot read costs", async () => {
    expect((await call(USERS.ana, `/api/workspaces/${ws}/costs?from=2026-02-01&to=2026-01-01`)).status).toBe(400);
    expect((await call(USERS.victor, `/api/workspaces/${ws}/costs`)).status).toBe(403);
  });
});
