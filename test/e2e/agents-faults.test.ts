import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvokeResponse } from "../../functions/agents/index.ts";
import { type AgentsClient, agentsClient, eventTypes, example, finished, OLIVER } from "./agents-support.ts";
import { type Harness, startHarness } from "./harness.ts";

// Fault paths end to end. Providers without keys are simulated by the offline model in `test`, so the balanced
// tier can fall back from Anthropic to OpenAI; MODEL_FAULTS makes some of those calls fail.
const ROUTING = {
  fast: ["offline:fast"],
  balanced: ["anthropic:claude-sonnet-4-5", "openai:gpt-5"],
  strongest: ["offline:strongest"],
};
const FAULTS = [
  // Anthropic is down for everyone: its breaker opens and calls fall back to OpenAI.
  { model: "anthropic", steps: [{ kind: "transient", times: 1_000 }] },
  // RES-004's model answers schema-invalid JSON, and again when asked to repair it.
  { agent: "RES-004", model: "offline:fast", steps: [{ kind: "invalid-output", times: 2 }] },
  // RES-005's first answer is invalid; the repair fixes it.
  { agent: "RES-005", model: "offline:fast", steps: [{ kind: "invalid-output", times: 1 }] },
  // Every model rejects LORD-002's calls (a permanent 400, which breakers ignore): QStash retries, then the DLQ.
  { agent: "LORD-002", steps: [{ kind: "permanent", times: 1_000 }] },
];

let harness: Harness;
let client: AgentsClient;
let base: string;

beforeAll(async () => {
  harness = await startHarness({
    name: `e2e_agents_faults_${process.pid}`,
    vars: { MODEL_ROUTING: JSON.stringify(ROUTING), MODEL_FAULTS: JSON.stringify(FAULTS) },
  });
  client = await agentsClient(harness);
  base = `/api/workspaces/${client.workspace}/agents`;
  // Breaker state lives in the shared Redis: start from a closed Anthropic breaker.
  await client.redis.del("circuit:anthropic:state", "circuit:anthropic:failures");
});

afterAll(async () => {
  await client?.close();
  await harness?.dispose();
});

// Every invocation regenerates: the identical ones below must reach the models, not the response cache.
const invoke = async (code: string) => {
  const { status, body } = await client.api<InvokeResponse>(OLIVER, `${base}/${code}/invoke`, {
    input: example(code),
    refresh: true,
  });
  expect(status).toBe(202);
  return (body.data.execution as { execution_id: string }).execution_id;
};

async function switches(executionId: string): Promise<{ from: string; to: string; reason: string }[]> {
  const rows = await client.sql<{ payload: { from: string; to: string; reason: string } }[]>`
    select payload from public.events where event_type = 'agent.model_switched' and payload ->> 'execution_id' = ${executionId}
    order by sequence`;
  return rows.map((row) => ({ from: row.payload.from, to: row.payload.to, reason: row.payload.reason }));
}

describe("model faults end to end", () => {
  it("a provider that fails → its circuit opens → the fallback model is used, every switch an event", async () => {
    const results = [];
    for (let i = 0; i < 3; i++) {
      const id = await invoke("MUSE-001");
      const [row] = await finished(client.sql, [id]);
      results.push({ row, switches: await switches(id) });
    }
    for (const { row } of results)
      expect(row).toMatchObject({ status: "succeeded", provider: "openai", model: "gpt-5" });
    expect(results[0]?.switches).toEqual([
      { from: "anthropic:claude-sonnet-4-5", to: "openai:gpt-5", reason: "transient_failure" },
    ]);
    // Five failures open the breaker (3 retries on the first call, 2 on the second); the third skips Anthropic.
    expect(results[2]?.switches).toEqual([
      { from: "anthropic:claude-sonnet-4-5", to: "openai:gpt-5", reason: "circuit_open" },
    ]);
    expect(await client.redis.get("circuit:anthropic:state")).toMatchObject({ state: "open" });
  });

  it("schema-invalid model output → one repair attempt → failure recorded with its spend", async () => {
    const id = await invoke("RES-004");
    const [row] = await finished(client.sql, [id]);
    expect(row).toMatchObject({ status: "failed", attempts: 2, provider: "local", model: "fast" });
    expect(row?.error).toMatch(/does not match the schema/);
    expect(row?.tokens_in).toBeGreaterThan(0);
    expect(await eventTypes(client.sql, id)).toEqual(["agent.queued", "agent.started", "agent.failed"]);
    expect(await client.sql`select id from public.cost_ledger where execution_id = ${id}`).toHaveLength(1);
  });

  it("schema-invalid output the repair fixes succeeds on the second call", async () => {
    const [row] = await finished(client.sql, [await invoke("RES-005")]);
    expect(row).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("a delivery that keeps failing lands in the dead-letter queue, a dead_letters row and an alert", async () => {
    const id = await invoke("LORD-002");
    const [row] = await finished(client.sql, [id], 25_000);
    expect(row?.status).toBe("dead_lettered");
    // The dead letter is filed in the same transaction that marks the execution dead-lettered.
    const [letter] = await client.sql<{ error: string; attempts: number }[]>`
      select error, attempts from public.dead_letters where execution_id = ${id}`;
    expect(letter?.attempts).toBe(4);
    expect(letter?.error).toMatch(/No model available/);
    const alerts = await client.sql`select severity from public.alerts where metadata ->> 'execution_id' = ${id}`;
    expect(alerts).toEqual([{ severity: "error" }]);
    expect(await eventTypes(client.sql, id)).toContain("agent.dead_lettered");
  }, 40_000);
});
