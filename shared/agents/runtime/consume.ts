import { withService } from "../../db/database.ts";
import { ModelUnavailableError, StructuredOutputError } from "../../models/model-errors.ts";
import { generateStructured, type ModelSwitchEvent } from "../../models/model-router.ts";
import { createRouterDeps } from "../../models/router-deps.ts";
import { type AgentDefinition, getAgent } from "../registry/index.ts";
import { announceBudget, checkBudget } from "./budget-guard.ts";
import { cheaperOf } from "./budget-policy.ts";
import { nowOf, type RuntimeDeps } from "./deps.ts";
import { type AgentEventSubject, EventBatch } from "./events.ts";
import {
  claimExecution,
  type ExecutionRecord,
  loadExecution,
  releaseExecution,
  TERMINAL_STATUSES,
} from "./execution-store.ts";
import { finishFailed, finishSucceeded, NO_SPEND } from "./finish.ts";
import { loadUpstream, releaseDependents } from "./graph-flow.ts";
import type { ExecutionMessage } from "./messages.ts";
import { buildPrompt } from "./prompt.ts";

/** What a delivery came to; the consumer endpoint turns it into the status QStash sees. */
export type ConsumeOutcome =
  | { kind: "succeeded"; executionId: string; provider: string; model: string; costUsd: number }
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
 * runs nothing), checks the budget, calls the model with the agent's schema, and stores the result, spend
 * and events. Transient model outages hand the execution back so QStash's retry (and then its DLQ) apply.
 */
export async function consumeExecution(
  deps: RuntimeDeps,
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
  return runModel(deps, events, subject, message, agent, claimed, cheaperOf(message.budget.tier, check.decision.tier));
}

async function runModel(
  deps: RuntimeDeps,
  events: EventBatch,
  subject: AgentEventSubject,
  message: ExecutionMessage,
  agent: AgentDefinition,
  claimed: ExecutionRecord,
  tier: ExecutionMessage["budget"]["tier"],
): Promise<ConsumeOutcome> {
  const executionId = claimed.id;
  const onSwitch = async (event: ModelSwitchEvent) => {
    const fields = { from: `${event.from.provider}:${event.from.model}`, to: `${event.to.provider}:${event.to.model}` };
    deps.logger.warn("model switched", {
      execution_id: executionId,
      reason: event.reason,
      ...fields,
      detail: event.message,
    });
    await withService(deps.sql, (tx) =>
      events.agent(tx, "agent.model_switched", subject, {
        ...fields,
        reason: event.reason,
        message: event.message,
        tier_downgrade: event.tierDowngrade,
      }),
    );
    await events.flush(deps.broadcast);
  };
  const router = {
    ...createRouterDeps({
      config: deps.config,
      settings: deps.settings,
      redis: deps.redis,
      logger: deps.logger,
      agentCode: agent.code,
      onSwitch,
    }),
    ...deps.router,
  };
  try {
    const upstream = await loadUpstream(deps, message);
    const result = await generateStructured(
      {
        tier,
        system: agent.systemPrompt,
        prompt: buildPrompt(agent, claimed.input, upstream),
        schema: agent.outputSchema,
        schemaName: agent.code.replace("-", "_"),
        schemaDescription: agent.role,
      },
      router,
    );
    const done = {
      output: result.object,
      provider: result.provider,
      model: result.model,
      tier: result.tier,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      costUsd: result.costUsd,
      attempts: result.attempts,
      latencyMs: result.latencyMs,
    };
    if (!(await finishSucceeded(deps, events, subject, done)))
      return { kind: "duplicate", executionId, status: "succeeded" };
    await releaseDependents(deps, message);
    return { kind: "succeeded", executionId, provider: result.provider, model: result.model, costUsd: result.costUsd };
  } catch (error) {
    if (error instanceof StructuredOutputError) {
      await finishFailed(deps, events, subject, message, {
        error: error.message,
        code: error.code,
        spend: error.spent,
        provider: error.provider,
        model: error.model,
      });
      return { kind: "failed", executionId, code: error.code, error: error.message };
    }
    const spend = error instanceof ModelUnavailableError ? error.spent : NO_SPEND;
    const reason = error instanceof Error ? error.message : String(error);
    // Hand the execution back before anything else: QStash redelivers, and the next delivery must be able to claim.
    await withService(deps.sql, (tx) =>
      releaseExecution(tx, executionId, message.workspace_id, { error: reason, spend }),
    );
    if (error instanceof ModelUnavailableError) return { kind: "retry", executionId, error: reason };
    throw error;
  }
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
