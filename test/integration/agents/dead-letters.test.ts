import { beforeAll, describe, expect, it } from "vitest";
import type { DeadLetterListResponse, InvokeResponse, RetryResponse } from "../../../functions/agents/index.ts";
import { getAgent } from "../../../shared/agents/registry/index.ts";
import type { ExecutionMessage } from "../../../shared/agents/runtime/index.ts";
import type { Sql } from "../../../shared/db/database.ts";
import { call, createWorkspace, type ErrorBody } from "../../helpers/api.ts";
import { testSql, USERS } from "../../helpers/db.ts";
import { deliver, deliverExecution, eventTypes, executionRow, publishedMessages } from "./helpers.ts";

const DEAD_LETTER = "/internal/agents/dead-letter";

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
    ],
  });
  base = `/api/workspaces/${ws}/agents`;
});

/** The failure callback QStash posts once a message has exhausted its retries. */
function failureCallback(message: ExecutionMessage, sourceMessageId: string) {
  const envelope = { status: "error", code: "SERVICE_UNAVAILABLE", error: "No model available for tier fast" };
  return {
    status: 503,
    header: {},
    body: btoa(JSON.stringify(envelope)),
    retried: 3,
    maxRetries: 3,
    dlqId: `dlq_${sourceMessageId}`,
    sourceMessageId,
    url: "http://127.0.0.1:8787/internal/agents/execute",
    method: "POST",
    sourceHeader: {},
    sourceBody: btoa(JSON.stringify(message)),
    notBefore: "0",
    createdAt: String(Date.now()),
  };
}

async function deadLettered(): Promise<{ message: ExecutionMessage; deadLetterId: string }> {
  const { body } = await call<InvokeResponse>(USERS.oliver, `${base}/RES-001/invoke`, {
    body: { input: getAgent("RES-001")?.exampleInput },
  });
  const [message] = await publishedMessages((body.data.execution as { execution_id: string }).execution_id);
  const res = await deliver(DEAD_LETTER, failureCallback(message as ExecutionMessage, `msg_${crypto.randomUUID()}`));
  const outcome = (await res.json()) as { kind: string; deadLetterId: string };
  expect(outcome.kind).toBe("recorded");
  return { message: message as ExecutionMessage, deadLetterId: outcome.deadLetterId };
}

describe("POST /internal/agents/dead-letter", () => {
  it("happy: files the dead letter with the error, dead-letters the execution and raises an alert", async () => {
    const { message, deadLetterId } = await deadLettered();
    const [row] = await sql<{ status: string; error: string; attempts: number; topic: string }[]>`
      select status, error, attempts, topic from public.dead_letters where id = ${deadLetterId}`;
    expect(row).toEqual({
      status: "pending",
      error: "SERVICE_UNAVAILABLE: No model available for tier fast (HTTP 503)",
      attempts: 4,
      topic: "agents.execute",
    });
    expect(await executionRow(sql, message.execution_id)).toMatchObject({ status: "dead_lettered" });
    expect(await eventTypes(sql, message.execution_id)).toEqual(["agent.queued", "agent.dead_lettered"]);
    const alerts =
      await sql`select severity from public.alerts where workspace_id = ${ws} and metadata ->> 'dead_letter_id' = ${deadLetterId}`;
    expect(alerts).toEqual([{ severity: "error" }]);
  });

  it("happy: a redelivered failure callback files nothing twice", async () => {
    const { body } = await call<InvokeResponse>(USERS.oliver, `${base}/RES-002/invoke`, {
      body: { input: getAgent("RES-002")?.exampleInput },
    });
    const [message] = await publishedMessages((body.data.execution as { execution_id: string }).execution_id);
    const callback = failureCallback(message as ExecutionMessage, `msg_${crypto.randomUUID()}`);
    expect(((await (await deliver(DEAD_LETTER, callback)).json()) as { kind: string }).kind).toBe("recorded");
    expect(((await (await deliver(DEAD_LETTER, callback)).json()) as { kind: string }).kind).toBe("duplicate");
    const rows = await sql`select id from public.dead_letters where message_id = ${callback.sourceMessageId}`;
    expect(rows).toHaveLength(1);
  });

  it("security: an unsigned failure callback is a 401", async () => {
    const res = await deliver(DEAD_LETTER, { status: 500 }, { signature: null });
    expect(res.status).toBe(401);
  });
});

describe("dead letters API", () => {
  it("happy: operators list them, filtered by status", async () => {
    const { deadLetterId } = await deadLettered();
    const { status, body } = await call<DeadLetterListResponse>(USERS.oliver, `${base}/dead-letters?status=pending`);
    expect(status).toBe(200);
    expect(body.data.map((item) => item.id)).toContain(deadLetterId);
    expect(body.next_cursor).toBeNull();
    expect(body.data.every((item) => item.status === "pending" && item.workspace_id === ws)).toBe(true);
  });

  it("happy: an admin retry requeues and republishes; success resolves the dead letter", async () => {
    const { message, deadLetterId } = await deadLettered();
    const { status, body } = await call<RetryResponse>(USERS.alice, `${base}/dead-letters/${deadLetterId}/retry`, {
      method: "POST",
    });
    expect(status).toBe(202);
    expect(body.data).toMatchObject({
      dead_letter_id: deadLetterId,
      execution_id: message.execution_id,
      status: "retrying",
      attempts: 5,
    });
    expect(await executionRow(sql, message.execution_id)).toMatchObject({ status: "queued", error: null });
    const republished = await publishedMessages(message.execution_id);
    expect(republished).toHaveLength(2);
    expect((await deliverExecution(republished[0] as ExecutionMessage)).body.kind).toBe("succeeded");
    const [row] = await sql<{ status: string }[]>`select status from public.dead_letters where id = ${deadLetterId}`;
    expect(row?.status).toBe("resolved");

    const again = await call<ErrorBody>(USERS.alice, `${base}/dead-letters/${deadLetterId}/retry`, { method: "POST" });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("DEAD_LETTER_NOT_PENDING");
  });

  it("security: only admins retry; analysts cannot list", async () => {
    const { deadLetterId } = await deadLettered();
    expect((await call(USERS.oliver, `${base}/dead-letters/${deadLetterId}/retry`, { method: "POST" })).status).toBe(
      403,
    );
    expect((await call(USERS.ana, `${base}/dead-letters`)).status).toBe(403);
    expect(
      (await call(USERS.alice, `${base}/dead-letters/${crypto.randomUUID()}/retry`, { method: "POST" })).status,
    ).toBe(404);
  });
});
