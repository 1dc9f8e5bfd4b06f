import { beforeAll, describe, expect, it } from "vitest";
import type { InvokeResponse } from "../../../functions/agents/index.ts";
import { getAgent } from "../../../shared/agents/registry/index.ts";
import type { Citation, ExecutionMessage } from "../../../shared/agents/runtime/index.ts";
import { cacheStats } from "../../../shared/cache/index.ts";
import type { Sql } from "../../../shared/db/database.ts";
import { ingest, knowledgeDeps, knowledgeVersion, parseKnowledgeInput } from "../../../shared/knowledge/index.ts";
import { call, createWorkspace } from "../../helpers/api.ts";
import { testSql, USERS } from "../../helpers/db.ts";
import { testServices } from "../cache/services.ts";
import { deliverExecution, executionRow, publishedMessages } from "./helpers.ts";

// The consumer's knowledge and response cache: memories injected with citations, identical invocations
// answered from the cache at no cost, refresh and new knowledge bypassing it, one model call per key.
const services = testServices();
const example = (code: string) => getAgent(code)?.exampleInput as Record<string, unknown>;

let sql: Sql;
let ws: string;

beforeAll(async () => {
  sql = testSql();
  ws = await createWorkspace(sql, { members: [[USERS.oliver, "lord_operator"]] });
});

/** Invokes an agent through the API; returns the message QStash accepted for it. */
async function invoke(code: string, input: unknown = example(code), refresh?: boolean): Promise<ExecutionMessage> {
  const { status, body } = await call<InvokeResponse>(USERS.oliver, `/api/workspaces/${ws}/agents/${code}/invoke`, {
    body: refresh === undefined ? { input } : { input, refresh },
  });
  expect(status).toBe(202);
  const [message] = await publishedMessages((body.data.execution as { execution_id: string }).execution_id);
  if (!message) throw new Error(`nothing published for ${code}`);
  return message;
}

/** Invokes and delivers, returning the consumer's outcome and the stored execution. */
async function run(code: string, input?: unknown, refresh?: boolean) {
  const message = await invoke(code, input, refresh);
  const { status, body } = await deliverExecution(message);
  expect(status).toBe(200);
  const row = await sql<ExecutionDetails[]>`
    select id, status, cached, attempts, cost_usd, tokens_in, tokens_out, output, provider, model, citations
    from public.agent_execution_logs where id = ${message.execution_id}`;
  return { outcome: body, row: row[0] as ExecutionDetails, id: message.execution_id };
}

interface ExecutionDetails {
  id: string;
  status: string;
  cached: boolean;
  attempts: number;
  cost_usd: string;
  tokens_in: number;
  tokens_out: number;
  output: unknown;
  provider: string;
  model: string;
  citations: Citation[];
}

const ledger = (id: string) =>
  sql<{ amount_usd: string; cache_hit: boolean; description: string }[]>`
    select amount_usd, cache_hit, description from public.cost_ledger where execution_id = ${id}`;

const completedPayload = async (id: string) => {
  const [event] = await sql<{ payload: Record<string, unknown> }[]>`
    select payload from public.events where event_type = 'agent.completed' and payload ->> 'execution_id' = ${id}`;
  return event?.payload;
};

describe("agent response cache", () => {
  it("happy: an identical invocation is served from the cache: cached, zero cost, one model call, a cache-hit ledger entry", async () => {
    const first = await run("RES-001");
    expect(first.outcome).toMatchObject({ kind: "succeeded", cached: false, savedUsd: 0 });
    expect(first.row).toMatchObject({ status: "succeeded", cached: false, attempts: 1 });
    expect(Number(first.row.cost_usd)).toBeGreaterThan(0);

    // The same input with its keys in another order and its spacing changed is the same invocation.
    const input = example("RES-001");
    const reordered = Object.fromEntries(Object.entries({ ...input, market: "  United   States " }).reverse());
    const second = await run("RES-001", reordered);
    expect(second.outcome).toMatchObject({ kind: "succeeded", cached: true, costUsd: 0 });
    expect(second.outcome.savedUsd).toBeCloseTo(Number(first.row.cost_usd), 6);
    expect(second.row).toMatchObject({
      status: "succeeded",
      cached: true,
      attempts: 0,
      tokens_in: 0,
      tokens_out: 0,
      provider: first.row.provider,
      model: first.row.model,
      output: first.row.output,
    });
    expect(Number(second.row.cost_usd)).toBe(0);
    expect(await ledger(second.id)).toEqual([
      { amount_usd: "0.000000", cache_hit: true, description: "Agent RES-001 execution (cache hit)" },
    ]);
    expect(await ledger(first.id)).toMatchObject([{ cache_hit: false }]);
    expect(await completedPayload(second.id)).toMatchObject({ cached: true, cost_usd: 0, attempts: 0 });

    const stats = await cacheStats(services.redis, ws);
    expect(stats.by_type.agent_responses).toMatchObject({ hits: 1, misses: 1, keys: 1 });
  });

  it("happy: refresh bypasses the cache, runs the model and replaces the cached answer", async () => {
    const refreshed = await run("RES-001", undefined, true);
    expect(refreshed.outcome).toMatchObject({ kind: "succeeded", cached: false });
    expect(refreshed.row).toMatchObject({ cached: false, attempts: 1 });
    expect(Number(refreshed.row.cost_usd)).toBeGreaterThan(0);

    const after = await run("RES-001");
    expect(after.row).toMatchObject({ cached: true, attempts: 0, output: refreshed.row.output });
    expect(after.outcome.savedUsd).toBeCloseTo(Number(refreshed.row.cost_usd), 6);
  });

  it("happy: ingesting knowledge moves the version on: the model runs again, its prompt cites the new memory", async () => {
    const before = await knowledgeVersion(services.redis, ws);
    const stored = await ingest(
      knowledgeDeps(services),
      { workspaceId: ws },
      parseKnowledgeInput({
        title: "Sustainable running shoe market",
        category: "market_analysis",
        collection: "industry_research",
        document: {
          template: "market_intelligence",
          subject: "Sustainable athletic footwear in the United States",
          intelligence_type: "market_trend",
          summary:
            "The United States market for sustainable athletic footwear grows 14 percent a year; commuters who run are the underserved buyer segment.",
        },
      }),
    );
    const memoryIds = stored.results.flatMap((result) => result.memories.map((memory) => memory.memory_id));
    expect(memoryIds.length).toBeGreaterThan(0);
    const version = await knowledgeVersion(services.redis, ws);
    expect(version).toBeGreaterThan(before);

    const fresh = await run("RES-001");
    expect(fresh.row).toMatchObject({ cached: false, attempts: 1 });
    const cited = fresh.row.citations.find((citation) => memoryIds.includes(citation.memory_id));
    expect(cited).toMatchObject({
      title: "Sustainable running shoe market",
      collection: "industry_research",
      category: "market_analysis",
    });
    expect(fresh.row.citations.map((citation) => citation.citation)).toEqual(
      fresh.row.citations.map((_, i) => `K${i + 1}`),
    );
    expect(await completedPayload(fresh.id)).toMatchObject({ knowledge_version: version, cached: false });
    expect((await completedPayload(fresh.id))?.citations).toContain(cited?.memory_id);

    // Served from the cache again under the new version, with the same citations stored.
    const again = await run("RES-001");
    expect(again.row).toMatchObject({ cached: true, citations: fresh.row.citations });
  });

  it("happy: concurrent identical deliveries make one model call; the others wait for its answer", async () => {
    const messages = [];
    for (let i = 0; i < 3; i++) messages.push(await invoke("RES-002"));
    const outcomes = await Promise.all(messages.map((message) => deliverExecution(message)));
    expect(outcomes.map((outcome) => outcome.body.kind)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const rows = await Promise.all(messages.map((message) => executionRow(sql, message.execution_id)));
    expect(rows.reduce((calls, row) => calls + (row?.attempts ?? 0), 0)).toBe(1);
    expect(outcomes.filter((outcome) => outcome.body.cached === true)).toHaveLength(2);
    expect(new Set(rows.map((row) => JSON.stringify(row?.output))).size).toBe(1);
    const stats = await cacheStats(services.redis, ws);
    // RES-001 under both knowledge versions, and the one RES-002 answer.
    expect(stats.by_type.agent_responses.keys).toBe(3);
  });

  it("edge: another input is another answer; refresh must be a boolean", async () => {
    const other = await run("RES-001", { ...example("RES-001"), market: "Canada" });
    expect(other.row).toMatchObject({ cached: false, attempts: 1 });
    const graph = await call(USERS.oliver, `/api/workspaces/${ws}/agents/invoke/graph`, {
      body: { nodes: [{ key: "x", agent_code: "RES-001", input: example("RES-001") }], refresh: "yes" },
    });
    expect(graph.status).toBe(400);
  });
});
