import { env } from "cloudflare:test";
import * as v from "valibot";
import { beforeAll, describe, expect, it } from "vitest";
import type { BatchResponse, InvokeResponse } from "../../../functions/agents/index.ts";
import { getAgent } from "../../../shared/agents/registry/index.ts";
import type { ExecutionMessage } from "../../../shared/agents/runtime/index.ts";
import type { Sql } from "../../../shared/db/database.ts";
import { call, createWorkspace } from "../../helpers/api.ts";
import { testSql, USERS } from "../../helpers/db.ts";
import {
  deliver,
  deliverExecution,
  eventTypes,
  executionRow,
  ledgerRows,
  publishedMessages,
  qstashSignature,
} from "./helpers.ts";

const example = (code: string) => getAgent(code)?.exampleInput;
const EXECUTE = "/internal/agents/execute";

let sql: Sql;
let ws: string;
let base: string;

beforeAll(async () => {
  sql = testSql();
  ws = await createWorkspace(sql, {
    members: [
      [USERS.oliver, "lord_operator"],
      [USERS.ana, "analyst"],
    ],
  });
  base = `/api/workspaces/${ws}/agents`;
});

/** Invokes an agent through the API and returns the message QStash accepted for it. */
async function queued(code: string): Promise<ExecutionMessage> {
  const { body } = await call<InvokeResponse>(USERS.oliver, `${base}/${code}/invoke`, {
    body: { input: example(code) },
  });
  const id = (body.data.execution as { execution_id: string }).execution_id;
  const [message] = await publishedMessages(id);
  if (!message) throw new Error(`no message published for ${id}`);
  return message;
}

describe("POST /internal/agents/execute — signature", () => {
  it("security: an unsigned delivery is a 401 and runs nothing", async () => {
    const message = await queued("RES-001");
    const res = await deliver(EXECUTE, message, { signature: null });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe("QSTASH_SIGNATURE_MISSING");
    expect((await executionRow(sql, message.execution_id))?.status).toBe("queued");
  });

  it("security: a tampered body, another URL, another key or garbage are 401s and run nothing", async () => {
    const message = await queued("RES-001");
    const tampered = { ...message, budget: { ...message.budget, tier: "strongest" } };
    const attempts = [
      deliver(EXECUTE, tampered, { signedBody: JSON.stringify(message) }),
      deliver(EXECUTE, message, { signedUrl: "http://evil.test/internal/agents/execute" }),
      deliver(EXECUTE, message, {
        signature: await qstashSignature(
          `${env.PUBLIC_BASE_URL}${EXECUTE}`,
          JSON.stringify(message),
          "sig_not_the_real_key",
        ),
      }),
      deliver(EXECUTE, message, { signature: "not.a.jwt" }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe("QSTASH_SIGNATURE_INVALID");
    }
    expect(await executionRow(sql, message.execution_id)).toMatchObject({ status: "queued", attempts: 0 });
    expect(await ledgerRows(sql, message.execution_id)).toEqual([]);
  });

  it("security: the signing key QStash rotates to next is accepted too", async () => {
    // Another agent than the execution tests below use, so they find no cached answer.
    const message = await queued("RES-005");
    const url = `${env.PUBLIC_BASE_URL}${EXECUTE}`;
    const signature = await qstashSignature(url, JSON.stringify(message), env.QSTASH_NEXT_SIGNING_KEY);
    expect((await deliver(EXECUTE, message, { signature })).status).toBe(200);
  });
});

describe("POST /internal/agents/execute — execution", () => {
  it("happy: runs the agent, validates and stores output, tokens, cost, latency and model; emits events", async () => {
    const message = await queued("RES-001");
    const { status, body } = await deliverExecution(message, { messageId: "msg_happy_1" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: "succeeded", provider: "offline", model: "fast", cached: false, savedUsd: 0 });

    const row = await executionRow(sql, message.execution_id);
    expect(row).toMatchObject({
      status: "succeeded",
      provider: "local",
      model: "fast",
      attempts: 1,
      error: null,
      message_id: "msg_happy_1",
    });
    expect(v.safeParse(getAgent("RES-001")!.outputSchema, row?.output).success).toBe(true);
    expect(row?.tokens_in).toBeGreaterThan(0);
    expect(row?.tokens_out).toBeGreaterThan(0);
    expect(Number(row?.cost_usd)).toBeGreaterThan(0);
    expect(await eventTypes(sql, message.execution_id)).toEqual(["agent.queued", "agent.started", "agent.completed"]);
    const ledger = await ledgerRows(sql, message.execution_id);
    expect(ledger).toHaveLength(1);
    expect(Number(ledger[0]?.amount_usd)).toBeCloseTo(Number(row?.cost_usd), 6);
  });

  it("happy: a redelivered message runs nothing and charges nothing again", async () => {
    const message = await queued("RES-002");
    expect((await deliverExecution(message)).body.kind).toBe("succeeded");
    const before = await executionRow(sql, message.execution_id);
    const again = await Promise.all([
      deliverExecution(message, { retried: 1 }),
      deliverExecution(message, { retried: 2 }),
    ]);
    expect(again.map((r) => [r.status, r.body.kind])).toEqual([
      [200, "duplicate"],
      [200, "duplicate"],
    ]);
    expect(await executionRow(sql, message.execution_id)).toEqual(before);
    expect(await ledgerRows(sql, message.execution_id)).toHaveLength(1);
    expect((await eventTypes(sql, message.execution_id)).filter((t) => t === "agent.completed")).toHaveLength(1);
  });

  it("happy: concurrent duplicate deliveries run the model once", async () => {
    const message = await queued("RES-003");
    const results = await Promise.all([
      deliverExecution(message),
      deliverExecution(message),
      deliverExecution(message),
    ]);
    const kinds = results.map((r) => r.body.kind ?? r.body.code).sort();
    expect(kinds.filter((k) => k === "succeeded")).toHaveLength(1);
    expect(await ledgerRows(sql, message.execution_id)).toHaveLength(1);
    expect((await executionRow(sql, message.execution_id))?.attempts).toBe(1);
  });

  it("error: a message for no known execution is acknowledged and ignored", async () => {
    const message = await queued("RES-001");
    const ghost = { ...message, execution_id: crypto.randomUUID() };
    expect((await deliverExecution(ghost)).body).toMatchObject({ kind: "unknown" });
  });

  it("error: a signed but malformed message is a 400 (QStash retries it into the DLQ)", async () => {
    const res = await deliver(EXECUTE, { version: 1, execution_id: "nope" });
    expect(res.status).toBe(400);
  });
});

describe("POST /internal/agents/execute — graphs", () => {
  it("happy: a finished step releases its dependents, passing its output into their prompts", async () => {
    const { body } = await call<BatchResponse>(USERS.oliver, `${base}/invoke/graph`, {
      body: {
        nodes: [
          { key: "market", agent_code: "RES-001", input: example("RES-001") },
          { key: "audience", agent_code: "RES-003", input: example("RES-003") },
          { key: "headlines", agent_code: "MUSE-001", input: example("MUSE-001"), depends_on: ["market", "audience"] },
        ],
      },
    });
    const [market, audience, headlines] = body.data.executions.map((e) => e.execution_id) as [string, string, string];
    const [marketMessage] = await publishedMessages(market);
    const [audienceMessage] = await publishedMessages(audience);
    await deliverExecution(marketMessage as ExecutionMessage);
    expect(await publishedMessages(headlines)).toEqual([]);
    await deliverExecution(audienceMessage as ExecutionMessage);
    const [headlinesMessage] = await publishedMessages(headlines);
    expect(headlinesMessage?.graph?.node_key).toBe("headlines");
    expect((await deliverExecution(headlinesMessage as ExecutionMessage)).body.kind).toBe("succeeded");
    // A redelivery of a finished step releases nothing twice (QStash dedupes by execution id).
    await deliverExecution(audienceMessage as ExecutionMessage);
    expect(await publishedMessages(headlines)).toHaveLength(1);
  });

  it("error: a failed step fails every step downstream and says why", async () => {
    const redis = new (await import("@upstash/redis/cloudflare")).Redis({
      url: env.UPSTASH_REDIS_REST_URL,
      token: env.UPSTASH_REDIS_REST_TOKEN,
    });
    const graphWs = await createWorkspace(sql, { members: [[USERS.oliver, "lord_operator"]] });
    const { body } = await call<BatchResponse>(USERS.oliver, `/api/workspaces/${graphWs}/agents/invoke/graph`, {
      body: {
        nodes: [
          { key: "market", agent_code: "RES-001", input: example("RES-001") },
          { key: "headlines", agent_code: "MUSE-001", input: example("MUSE-001"), depends_on: ["market"] },
          { key: "review", agent_code: "GRD-001", input: example("GRD-001"), depends_on: ["headlines"] },
        ],
      },
    });
    const [market, headlines, review] = body.data.executions.map((e) => e.execution_id) as [string, string, string];
    // The workspace spends its whole default budget between queueing and running: the root is refused.
    const { spendKey } = await import("../../../shared/agents/runtime/index.ts");
    await redis.set(spendKey(graphWs, new Date()), 10_000_000, { ex: 600 });
    const [marketMessage] = await publishedMessages(market);
    expect((await deliverExecution(marketMessage as ExecutionMessage)).body).toMatchObject({
      kind: "failed",
      code: "BUDGET_EXHAUSTED",
    });
    expect(await executionRow(sql, headlines)).toMatchObject({ status: "failed" });
    expect((await executionRow(sql, headlines))?.error).toMatch(
      /^Blocked: step "market" \(RES-001\) failed: Monthly budget/,
    );
    expect((await executionRow(sql, review))?.error).toMatch(/^Blocked: step "market"/);
    expect(await eventTypes(sql, review)).toEqual(["agent.queued", "agent.failed"]);
    expect(await ledgerRows(sql, market)).toEqual([]);
  });
});
