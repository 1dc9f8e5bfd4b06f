import { withService } from "../../db/database.ts";
import { addSpend } from "./budget.ts";
import { recordExecutionCost } from "./cost-ledger.ts";
import { nowOf, type RuntimeDeps } from "./deps.ts";
import type { AgentEventSubject, EventBatch } from "./events.ts";
import { type Completion, completeExecution, type DeliverySpend, failExecution } from "./execution-store.ts";
import { failDownstream } from "./graph-flow.ts";
import type { ExecutionMessage } from "./messages.ts";

/** The no-spend of a run that never reached a model. */
export const NO_SPEND: DeliverySpend = { inputTokens: 0, outputTokens: 0, costUsd: 0, attempts: 0 };

/** A successful run as `finishSucceeded` records it: the completion, its tier and what the cache did. */
export interface Success extends Completion {
  tier: string;
  /** What a cached answer saved: the cost of the model call that produced it. */
  savedUsd: number;
  /** The knowledge version the prompt's memories reflect (null when retrieval failed). */
  knowledgeVersion: number | null;
}

/**
 * Stores a successful run: result, tokens, cost, latency, model, citations and whether the cache answered,
 * on the execution; its one ledger entry; `agent.completed`; and resolves a dead letter being retried.
 * Returns false when the claim was lost (another delivery finished first), in which case nothing is charged.
 */
export async function finishSucceeded(
  deps: RuntimeDeps,
  events: EventBatch,
  subject: AgentEventSubject,
  done: Success,
): Promise<boolean> {
  const { workspaceId, executionId } = subject;
  const entry = await withService(deps.sql, async (tx) => {
    if (!(await completeExecution(tx, executionId, workspaceId, done))) return undefined;
    const charged = await recordExecutionCost(tx, executionId, workspaceId);
    await tx`
      update public.dead_letters set status = 'resolved', resolved_at = now()
      where workspace_id = ${workspaceId} and execution_id = ${executionId} and status = 'retrying'`;
    await events.agent(tx, "agent.completed", subject, {
      provider: done.provider,
      model: done.model,
      tier: done.tier,
      tokens_in: done.inputTokens,
      tokens_out: done.outputTokens,
      cost_usd: done.costUsd,
      latency_ms: Math.round(done.latencyMs),
      attempts: done.attempts,
      cached: done.cached,
      saved_usd: done.savedUsd,
      citations: done.citations.map((citation) => citation.memory_id),
      knowledge_version: done.knowledgeVersion,
    });
    return { charged };
  });
  if (!entry) return false;
  if (entry.charged) await addSpend(deps.redis, workspaceId, entry.charged.addedUsd, nowOf(deps));
  await events.flush(deps.broadcast);
  return true;
}

/** A run that ended for good: why, and what it spent getting there. */
export interface FailureRecord {
  error: string;
  code: string;
  spend: DeliverySpend;
  provider?: Completion["provider"];
  model?: string;
  latencyMs?: number;
  citations?: Completion["citations"];
}

/**
 * Stores a permanent failure: the error and spend on the execution, its ledger entry when a model was
 * called, `agent.failed`, and every queued step downstream in its graph failed with the reason.
 */
export async function finishFailed(
  deps: RuntimeDeps,
  events: EventBatch,
  subject: AgentEventSubject,
  message: ExecutionMessage,
  failure: FailureRecord,
): Promise<boolean> {
  const { workspaceId, executionId } = subject;
  const entry = await withService(deps.sql, async (tx) => {
    const failed = await failExecution(tx, executionId, workspaceId, {
      error: failure.error,
      spend: failure.spend,
      ...(failure.provider ? { provider: failure.provider } : {}),
      ...(failure.model ? { model: failure.model } : {}),
      ...(failure.latencyMs === undefined ? {} : { latencyMs: failure.latencyMs }),
      ...(failure.citations ? { citations: failure.citations } : {}),
    });
    if (!failed) return undefined;
    const charged = await recordExecutionCost(tx, executionId, workspaceId);
    await events.agent(tx, "agent.failed", subject, {
      code: failure.code,
      error: failure.error,
      tokens_in: failure.spend.inputTokens,
      tokens_out: failure.spend.outputTokens,
      cost_usd: failure.spend.costUsd,
      attempts: failure.spend.attempts,
    });
    await failDownstream(tx, events, message, failure.error);
    return { charged };
  });
  if (!entry) return false;
  if (entry.charged) await addSpend(deps.redis, workspaceId, entry.charged.addedUsd, nowOf(deps));
  await events.flush(deps.broadcast);
  return true;
}
