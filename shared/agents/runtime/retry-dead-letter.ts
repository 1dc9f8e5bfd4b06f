import * as v from "valibot";
import { type Tx, withUser } from "../../db/database.ts";
import { ApiError } from "../../http/api-error.ts";
import { type NodeStatus, planGraph, unblockedByRetry } from "./dag.ts";
import type { RuntimeDeps } from "./deps.ts";
import type { Invoker } from "./enqueue.ts";
import { EventBatch } from "./events.ts";
import { loadGraph } from "./execution-store.ts";
import { BLOCKED_PREFIX, graphNodes } from "./graph-flow.ts";
import { ExecutionMessageSchema } from "./messages.ts";
import { publishExecutions } from "./publisher.ts";

/** What an admin retry queued. */
export interface RetryResult {
  dead_letter_id: string;
  execution_id: string;
  message_id: string;
  status: "retrying";
  attempts: number;
  /** Graph steps that had failed only because this one did, queued again behind it. */
  requeued_steps: string[];
}

interface DeadLetterRow {
  id: string;
  status: string;
  payload: { message?: unknown };
  execution_id: string | null;
  attempts: number;
}

/**
 * Retries a dead-lettered execution (admin): the dead letter goes to `retrying`, the execution and the
 * graph steps it blocked back to `queued`, and its message is published again. Its success resolves the
 * dead letter; another failure files a new one.
 */
export async function retryDeadLetter(deps: RuntimeDeps, invoker: Invoker, deadLetterId: string): Promise<RetryResult> {
  const events = new EventBatch();
  const { message, attempts, requeued } = await withUser(deps.sql, invoker.claims, async (tx) => {
    const [row] = await tx<DeadLetterRow[]>`
      select id, status, payload, execution_id, attempts from public.dead_letters
      where id = ${deadLetterId} and workspace_id = ${invoker.workspaceId}
      for update`;
    if (!row) throw ApiError.notFound("Dead letter not found", "DEAD_LETTER_NOT_FOUND");
    if (row.status !== "pending") {
      throw ApiError.conflict(
        `Dead letter is ${row.status}; only pending dead letters can be retried`,
        [],
        "DEAD_LETTER_NOT_PENDING",
      );
    }
    const parsed = v.safeParse(ExecutionMessageSchema, row.payload.message);
    if (!parsed.success || !row.execution_id) {
      throw ApiError.conflict("Dead letter does not hold an agent execution message", [], "DEAD_LETTER_NOT_RETRYABLE");
    }
    const retried = parsed.output;
    const [updated] = await tx<{ attempts: number }[]>`
      update public.dead_letters set status = 'retrying', attempts = attempts + 1, last_attempt_at = now()
      where id = ${row.id} returning attempts`;
    await tx`
      update public.agent_execution_logs
      set status = 'queued', error = null, started_at = null, completed_at = null
      where id = ${row.execution_id} and workspace_id = ${invoker.workspaceId} and status in ('dead_lettered', 'failed')`;
    const unblocked = retried.graph ? await requeueBlocked(tx, invoker.workspaceId, retried.graph) : [];
    await events.record(tx, {
      workspaceId: invoker.workspaceId,
      type: "dead_letter.retried",
      channel: "guild_research",
      actorId: invoker.userId,
      requestId: invoker.requestId,
      payload: {
        dead_letter_id: row.id,
        execution_id: row.execution_id,
        agent_code: retried.agent_code,
        requeued_steps: unblocked,
      },
    });
    return { message: retried, attempts: updated?.attempts ?? row.attempts + 1, requeued: unblocked };
  });
  await events.flush(deps.broadcast);
  // A fresh deduplication id: the original one would make QStash drop the retry as a duplicate.
  const [messageId = ""] = await publishExecutions(deps.qstash, deps.config.PUBLIC_BASE_URL, [
    {
      message: { ...message, request_id: invoker.requestId },
      deduplicationId: `${message.execution_id}:retry:${attempts}`,
    },
  ]);
  return {
    dead_letter_id: deadLetterId,
    execution_id: message.execution_id,
    message_id: messageId,
    status: "retrying",
    attempts,
    requeued_steps: requeued,
  };
}

async function requeueBlocked(
  tx: Tx,
  workspaceId: string,
  graph: NonNullable<v.InferOutput<typeof ExecutionMessageSchema>["graph"]>,
): Promise<string[]> {
  const nodes = graphNodes(graph);
  const rows = await loadGraph(tx, graph.id, workspaceId);
  const status = new Map(rows.map((row) => [row.node_key ?? "", row.status as NodeStatus]));
  const blocked = new Set(
    rows
      .filter((row) => row.status === "failed" && row.error?.startsWith(BLOCKED_PREFIX))
      .map((row) => row.node_key ?? ""),
  );
  const unblocked = unblockedByRetry(nodes, planGraph(nodes), graph.node_key, status, blocked);
  if (unblocked.length > 0) {
    await tx`
      update public.agent_execution_logs
      set status = 'queued', error = null, started_at = null, completed_at = null
      where workspace_id = ${workspaceId} and graph_id = ${graph.id} and node_key in ${tx(unblocked)} and status = 'failed'`;
  }
  return unblocked;
}
