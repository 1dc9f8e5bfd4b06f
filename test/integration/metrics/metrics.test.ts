import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { InvokeResponse } from "../../../functions/agents/index.ts";
import { createApp } from "../../../functions/app.ts";
import { getAgent } from "../../../shared/agents/registry/index.ts";
import type { ExecutionMessage } from "../../../shared/agents/runtime/index.ts";
import type { Sql } from "../../../shared/db/database.ts";
import { api, call, createWorkspace, type ErrorBody } from "../../helpers/api.ts";
import { testSql, USERS } from "../../helpers/db.ts";
import { deliverExecution, publishedMessages } from "../agents/helpers.ts";

// The suite's env has no METRICS_TOKEN: these requests go to an app of this file's own with one set.
const app = createApp();
const TOKEN = "metrics-token-0123456789abcdef0123456789abcdef";
const withToken = { ...env, METRICS_TOKEN: TOKEN };

function scrape(path: string, authorization: string | null = `Bearer ${TOKEN}`, bindings: object = withToken) {
  const headers: Record<string, string> = authorization === null ? {} : { authorization };
  return app.request(path, { headers }, bindings, createExecutionContext());
}

/** Samples of `text` as `name{labels} value` → value. */
function samples(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    found.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return found;
}

describe("GET /metrics — access", () => {
  it("security: without METRICS_TOKEN configured the endpoint does not exist", async () => {
    const res = await api(null, "/metrics");
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).code).toBe("ROUTE_NOT_FOUND");
  });

  it("security: a missing or wrong bearer token is a 401 and reveals nothing", async () => {
    const missing = await scrape("/metrics", null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    for (const authorization of [`Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, "Bearer"]) {
      const res = await scrape("/metrics", authorization);
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain("raptorflow_");
    }
  });

  it("error: a token too short to be safe is a configuration error, never an open endpoint", async () => {
    const res = await scrape("/metrics", "Bearer short", { ...env, METRICS_TOKEN: "short" });
    expect(res.status).toBe(500);
    expect(((await res.json()) as ErrorBody).code).toBe("CONFIGURATION_ERROR");
  });

  it("error: a malformed workspace_id is a 400", async () => {
    expect((await scrape("/metrics?workspace_id=nope")).status).toBe(400);
  });
});

describe("GET /metrics — figures", () => {
  let sql: Sql;
  let ws: string;

  beforeAll(async () => {
    sql = testSql();
    ws = await createWorkspace(sql, { members: [[USERS.oliver, "lord_operator"]] });
    // The same invocation twice: one model call, then a cache hit.
    for (let i = 0; i < 2; i++) {
      const { body } = await call<InvokeResponse>(USERS.oliver, `/api/workspaces/${ws}/agents/RES-002/invoke`, {
        body: { input: getAgent("RES-002")?.exampleInput },
      });
      const [message] = await publishedMessages((body.data.execution as { execution_id: string }).execution_id);
      expect((await deliverExecution(message as ExecutionMessage)).body.kind).toBe("succeeded");
    }
    await sql`insert into public.dead_letters (workspace_id, source, topic, error)
              values (${ws}, 'qstash', 'agents.execute', 'metrics test')`;
  });

  it("happy: Prometheus text with cache stats, executions, spend, dead letters and circuit breakers", async () => {
    const res = await scrape(`/metrics?workspace_id=${ws}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await res.text();
    expect(text).toContain("# TYPE raptorflow_cache_lookups_total counter");
    const found = samples(text);
    const agentResponses = `workspace_id="${ws}",type="agent_responses"`;
    expect(found.get(`raptorflow_cache_lookups_total{${agentResponses},result="hit"}`)).toBe(1);
    expect(found.get(`raptorflow_cache_lookups_total{${agentResponses},result="miss"}`)).toBe(1);
    expect(found.get(`raptorflow_cache_keys{${agentResponses}}`)).toBe(1);
    expect(found.get(`raptorflow_cache_saved_usd_total{${agentResponses}}`)).toBeGreaterThan(0);
    expect(found.get(`raptorflow_cache_evictions_total{${agentResponses},reason="expired"}`)).toBe(0);
    expect(found.get(`raptorflow_cache_hit_ratio{workspace_id="${ws}"}`)).toBeGreaterThan(0);
    expect(found.get('raptorflow_cache_workspaces{state="reported"}')).toBe(1);

    // Postgres and breaker figures are platform-wide: other tests add to them, so they are at least ours.
    expect(found.get('raptorflow_agent_executions_last_hour{status="succeeded"}')).toBeGreaterThanOrEqual(2);
    expect(found.get("raptorflow_agent_executions_cached_last_hour")).toBeGreaterThanOrEqual(1);
    expect(found.get('raptorflow_cost_today_usd{category="llm"}')).toBeGreaterThan(0);
    expect(found.get("raptorflow_cost_cache_hits_today")).toBeGreaterThanOrEqual(1);
    expect(found.get('raptorflow_dead_letters{status="pending"}')).toBeGreaterThanOrEqual(1);
    for (const provider of ["anthropic", "openai", "google", "offline"]) {
      const states = ["closed", "open", "half-open"].map(
        (state) => found.get(`raptorflow_model_circuit_state{provider="${provider}",state="${state}"}`) ?? -1,
      );
      expect(states.reduce((sum, value) => sum + value, 0)).toBe(1);
    }
    for (const source of ["cache", "postgres", "circuit_breakers"]) {
      expect(found.get(`raptorflow_metrics_source_up{source="${source}"}`)).toBe(1);
    }
  });

  it("happy: unpinned, it reports the workspaces with cache activity", async () => {
    const res = await scrape("/metrics");
    expect(res.status).toBe(200);
    const found = samples(await res.text());
    const reported = found.get('raptorflow_cache_workspaces{state="reported"}') ?? 0;
    expect(reported).toBeGreaterThanOrEqual(1);
    expect(reported).toBeLessThanOrEqual(200);
  });
});
