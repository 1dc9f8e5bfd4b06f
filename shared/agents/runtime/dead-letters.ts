import type postgres from "postgres";
import * as v from "valibot";
import { withService } from "../../db/database.ts";
import { getAgent } from "../registry/index.ts";
import { raiseAlert } from "./alerts.ts";
import { addSpend } from "./budget.ts";
import { recordExecutionCost } from "./cost-ledger.ts";
import { nowOf, type RuntimeDeps } from "./deps.ts";
import { EventBatch } from "./events.ts";
import { failDownstream } from "./graph-flow.ts";
import { decodeBase64, type ExecutionMessage, ExecutionMessageSchema, type FailureCallback } from "./messages.ts";

/** The topic dead letters of agent executions are filed under. */
export const EXECUTE_TOPIC = "agents.execute";

/** What the failure callback came to. */
export type DeadLetterOutcome =
  | { kind: "recorded"; deadLetterId: string; executionId: string }
  | { kind: "duplicate" }
  | { kind: "ignored"; reason: string };

/**
 * Files a message QStash gave up on: a `dead_letters` row with the last error, the execution marked
 * `dead_lettered` (with its ledger entry for whatever it spent), its graph's downstream steps failed, an
 * alert and `agent.dead_lettered`. A redelivered callback files nothing twice (unique per message id).
 */
export async function recordDeadLetter(deps: RuntimeDeps, callback: FailureCallback): Promise<DeadLetterOutcome> {
  const message = parseSource(callback.sourceBody);
  if (!message) return { kind: "ignored", reason: "source message is not an agent execution" };
  const error = lastError(callback);
  const events = new EventBatch();
  const outcome = await withService(deps.sql, async (tx): Promise<DeadLetterOutcome & { charged?: number }> => {
    const [execution] = await tx<
      { id: string; agent_code: string; request_id: string | null; triggered_by: string | null }[]
    >`
      select e.id, a.code as agent_code, e.request_id, e.triggered_by
      from public.agent_execution_logs e join public.agent_registry a on a.id = e.agent_id
      where e.id = ${message.execution_id} and e.workspace_id = ${message.workspace_id}`;
    if (!execution) return { kind: "ignored", reason: "no such execution" };
    const payload = {
      message,
      dlq_id: callback.dlqId ?? null,
      response_status: callback.status,
      url: callback.url ?? null,
    };
    const [row] = await tx<{ id: string }[]>`
      insert into public.dead_letters (workspace_id, source, topic, message_id, payload, error, attempts, execution_id, last_attempt_at)
      values (${message.workspace_id}, 'qstash', ${EXECUTE_TOPIC}, ${callback.sourceMessageId},
              ${tx.json(payload as postgres.JSONValue)}, ${error}, ${callback.retried + 1}, ${execution.id}, now())
      on conflict (source, message_id) where message_id is not null do nothing
      returning id`;
    if (!row) return { kind: "duplicate" };
    // An earlier dead letter whose retry has now failed too is superseded by this one.
    await tx`
      update public.dead_letters set status = 'discarded'
      where workspace_id = ${message.workspace_id} and execution_id = ${execution.id} and status = 'retrying' and id <> ${row.id}`;
    const marked = await tx`
      update public.agent_execution_logs
      set status = 'dead_lettered', error = ${error}, completed_at = now(), started_at = coalesce(started_at, now())
      where id = ${execution.id} and workspace_id = ${message.workspace_id} and status in ('queued', 'running')`;
    const agent = getAgent(execution.agent_code);
    const subject = {
      workspaceId: message.workspace_id,
      executionId: execution.id,
      agentCode: execution.agent_code,
      guild: agent?.guild ?? "research",
      requestId: execution.request_id,
      actorId: execution.triggered_by,
      graphId: message.graph?.id ?? null,
      nodeKey: message.graph?.node_key ?? null,
    };
    let charged: number | undefined;
    if (marked.count === 1) {
      charged = (await recordExecutionCost(tx, execution.id, message.workspace_id))?.addedUsd;
      await events.agent(tx, "agent.dead_lettered", subject, {
        dead_letter_id: row.id,
        error,
        attempts: callback.retried + 1,
      });
      await failDownstream(tx, events, message, `dead-lettered after ${callback.retried + 1} deliveries: ${error}`);
    }
    await raiseAlert(tx, events, {
      workspaceId: message.workspace_id,
      type: "dead_letter",
      severity: "error",
      title: `Agent ${execution.agent_code} execution dead-lettered`,
      message: error,
      metadata: { dead_letter_id: row.id, execution_id: execution.id, message_id: callback.sourceMessageId },
      requestId: execution.request_id,
    });
    return { kind: "recorded", deadLetterId: row.id, executionId: execution.id, charged };
  });
  if (outcome.kind === "recorded" && outcome.charged) {
    await addSpend(deps.redis, message.workspace_id, outcome.charged, nowOf(deps));
  }
  await events.flush(deps.broadcast);
  if (outcome.kind === "recorded")
    return { kind: "recorded", deadLetterId: outcome.deadLetterId, executionId: outcome.executionId };
  return outcome;
}

function parseSource(sourceBody: string): ExecutionMessage | undefined {
  try {
    const parsed = v.safeParse(ExecutionMessageSchema, JSON.parse(decodeBase64(sourceBody)));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}

/** The last delivery's error: our error envelope's message when the consumer answered, else the status. */
export function lastError(callback: FailureCallback): string {
  if (callback.status === 0) return "QStash could not reach the consumer";
  let text = "";
  try {
    text = decodeBase64(callback.body);
    const envelope = JSON.parse(text) as { error?: unknown; code?: unknown };
    if (typeof envelope.error === "string") {
      return `${typeof envelope.code === "string" ? `${envelope.code}: ` : ""}${envelope.error} (HTTP ${callback.status})`;
    }
  } catch {
    // Not our envelope: fall through to the raw text.
  }
  return `consumer answered HTTP ${callback.status}${text ? `: ${text.slice(0, 500)}` : ""}`;
}
