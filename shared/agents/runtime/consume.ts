import { withService } from "../../db/database.ts";
import { type AgentDefinition, getAgent } from "../registry/index.ts";
import { announceBudget, checkBudget } from "./budget-guard.ts";
import { cheaperOf } from "./budget-policy.ts";
import { type ConsumerDeps, nowOf, type RuntimeDeps } from "./deps.ts";
import { type AgentEventSubject, EventBatch } from "./events.ts";
import { claimExecution, type ExecutionRecord, loadExecution, TERMINAL_STATUSES } from "./execution-store.ts";
import { finishFailed, NO_SPEND } from "./finish.ts";
import { releaseDependents } from "./graph-flow.ts";
import type { ExecutionMessage } from "./messages.ts";
import { runModel } from "./run-model.ts";

/** What a delivery came to; the consumer endpoint turns it into the status QStash sees. */
export type ConsumeOutcome =
  /** `cached`: answered from the response cache at no cost; `savedUsd` is what the model call would have cost. */
  | {
      kind: "succeeded";
      executionId: string;
      provider: string;
      model: string;
      costUsd: number;
      cached: boolean;
      savedUsd: number;
    }
  | { kind: "failed"; executionId: string; code: string; error: string }
  /** Already finished by an earlier delivery: acknowledged, nothing run. */
  | { kind: "duplicate"; executionId: string; status: string }
  /** Another delivery holds the claim: QStash should try again later. */
  | { kind: "busy"; executionId: string }
  /** No such execution in this workspace: nothing to do, ever. */
  | { kind: "unknown"; executionId: string }
  /** Every model was unavailable: handed back to the queue for QStash's retry. */
  | { kind: "retry"; executionId: string; error: string };

/** The QStash delivery carrying the message. */
export interface Delivery {
  messageId: string | null;
  retried: number;
}

/**
 * Runs one delivered execution exactly once: claims it (a redelivery of a claimed or finished execution
 * runs nothing), checks the budget, then runs the agent with the workspace's knowledge — from the response
 * cache when an identical invocation was answered already — and stores the result, spend and events.
 */
export async function consumeExecution(
  deps: ConsumerDeps,
  message: ExecutionMessage,
  delivery: Delivery,
): Promise<ConsumeOutcome> {
  const executionId = message.execution_id;
  const claimed = await withService(deps.sql, (tx) =>
    claimExecution(tx, { id: executionId, workspaceId: message.workspace_id, messageId: delivery.messageId }),
  );
  if (!claimed) return unclaimed(deps, message);

  const agent = getAgent(claimed.agent_code);
  const subject = subjectOf(claimed, message, agent);
  const events = new EventBatch();
  if (!agent || agent.code !== message.agent_code) {
    const error = `message names agent ${message.agent_code} but execution ${executionId} belongs to ${claimed.agent_code}`;
    await finishFailed(deps, events, subject, message, { error, code: "AGENT_MISMATCH", spend: NO_SPEND });
    return { kind: "failed", executionId, code: "AGENT_MISMATCH", error };
  }

  const check = await withService(deps.sql, async (tx) => {
    const now = nowOf(deps);
    const result = await checkBudget(deps.redis, tx, message.workspace_id, message.budget.tier, now);
    await announceBudget(
      tx,
      events,
      { workspaceId: message.workspace_id, actorId: null, requestId: message.request_id },
      result,
      now,
    );
    if (result.decision.kind !== "refuse") {
      await events.agent(tx, "agent.started", subject, {
        tier: cheaperOf(message.budget.tier, result.decision.tier),
        message_id: delivery.messageId,
        delivery_attempt: delivery.retried + 1,
      });
    }
    return result;
  });
  await events.flush(deps.broadcast);
  if (check.decision.kind === "refuse") {
    const error = `Monthly budget of $${check.snapshot.limitUsd} is exhausted ($${check.snapshot.spentUsd.toFixed(4)} spent)`;
    await finishFailed(deps, events, subject, message, { error, code: "BUDGET_EXHAUSTED", spend: NO_SPEND });
    return { kind: "failed", executionId, code: "BUDGET_EXHAUSTED", error };
  }
  const tier = cheaperOf(message.budget.tier, check.decision.tier);
  return runModel(deps, events, { subject, message, agent, claimed, tier });
}

/** Why a delivery could not claim its execution: finished already, held by another delivery, or unknown. */
async function unclaimed(deps: RuntimeDeps, message: ExecutionMessage): Promise<ConsumeOutcome> {
  const executionId = message.execution_id;
  const row = await withService(deps.sql, (tx) => loadExecution(tx, executionId, message.workspace_id));
  if (!row) return { kind: "unknown", executionId };
  if (!TERMINAL_STATUSES.includes(row.status)) return { kind: "busy", executionId };
  // A delivery that stored its result but died before releasing the graph's next steps left them waiting.
  if (row.status === "succeeded") await releaseDependents(deps, message);
  return { kind: "duplicate", executionId, status: row.status };
}

function subjectOf(
  row: ExecutionRecord,
  message: ExecutionMessage,
  agent: AgentDefinition | undefined,
): AgentEventSubject {
  return {
    workspaceId: row.workspace_id,
    executionId: row.id,
    agentCode: row.agent_code,
    guild: agent?.guild ?? "research",
    requestId: row.request_id ?? message.request_id,
    actorId: row.triggered_by,
    graphId: row.graph_id,
    nodeKey: row.node_key,
  };
}
