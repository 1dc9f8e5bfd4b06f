import type { CachedResult } from "../../cache/index.ts";
import { withService } from "../../db/database.ts";
import { ModelUnavailableError, StructuredOutputError } from "../../models/model-errors.ts";
import {
  generateStructured,
  type ModelRouterDeps,
  type ModelSwitchEvent,
  type StructuredResult,
} from "../../models/model-router.ts";
import { createRouterDeps } from "../../models/router-deps.ts";
import type { ModelTier } from "../../models/tiers.ts";
import type { AgentDefinition } from "../registry/index.ts";
import type { ConsumeOutcome } from "./consume.ts";
import type { ConsumerDeps } from "./deps.ts";
import type { AgentEventSubject, EventBatch } from "./events.ts";
import { type ExecutionRecord, releaseExecution } from "./execution-store.ts";
import { finishFailed, finishSucceeded, NO_SPEND, type Success } from "./finish.ts";
import { loadUpstream, releaseDependents } from "./graph-flow.ts";
import { type Citation, retrieveKnowledge } from "./knowledge.ts";
import type { ExecutionMessage } from "./messages.ts";
import { buildPrompt } from "./prompt.ts";
import { type CachedResponse, cachedResponse } from "./response-cache.ts";

/** A claimed execution, ready to run: who it is for, what it runs, and on which tier. */
export interface ClaimedRun {
  subject: AgentEventSubject;
  message: ExecutionMessage;
  agent: AgentDefinition;
  claimed: ExecutionRecord;
  tier: ModelTier;
}

/**
 * Runs a claimed execution: retrieves the workspace's memories for the task, then answers from the response
 * cache or calls the model with the knowledge in the prompt, and stores the result with its citations.
 * A cached answer costs nothing and is recorded as a cache hit. Transient model outages hand the execution
 * back so QStash's retry (and then its DLQ) apply.
 */
export async function runModel(deps: ConsumerDeps, events: EventBatch, run: ClaimedRun): Promise<ConsumeOutcome> {
  const { subject, message, agent, claimed, tier } = run;
  const executionId = claimed.id;
  let citations: Citation[] = [];
  try {
    const upstream = await loadUpstream(deps, message);
    const knowledge = await retrieveKnowledge(deps, message.workspace_id, agent, claimed.input);
    citations = knowledge.citations;
    const router = routerFor(deps, events, run);
    let ran: StructuredResult<unknown> | undefined;
    const callModel = async () => {
      ran = await generateStructured(
        {
          tier,
          system: agent.systemPrompt,
          prompt: buildPrompt(agent, claimed.input, upstream, knowledge.context),
          schema: agent.outputSchema,
          schemaName: agent.code.replace("-", "_"),
          schemaDescription: agent.role,
        },
        router,
      );
      const value: CachedResponse = { output: ran.object, provider: ran.provider, model: ran.model, tier: ran.tier };
      return { value, costUsd: ran.costUsd };
    };
    const startedAt = Date.now();
    // Without a knowledge version the answer's provenance is unknown: run the model and keep nothing.
    const answer: CachedResult<CachedResponse> =
      knowledge.version === null
        ? { ...(await callModel()), cached: false, coalesced: false, savedUsd: 0 }
        : await cachedResponse(
            deps.redis,
            {
              workspaceId: message.workspace_id,
              agent,
              input: claimed.input,
              upstream,
              tier,
              knowledgeVersion: knowledge.version,
              refresh: message.refresh === true,
            },
            callModel,
          );
    const done = completion(answer, ran, { citations, knowledgeVersion: knowledge.version, startedAt });
    if (!(await finishSucceeded(deps, events, subject, done))) {
      return { kind: "duplicate", executionId, status: "succeeded" };
    }
    await releaseDependents(deps, message);
    return {
      kind: "succeeded",
      executionId,
      provider: done.provider,
      model: done.model,
      costUsd: done.costUsd,
      cached: done.cached,
      savedUsd: done.savedUsd,
    };
  } catch (error) {
    if (error instanceof StructuredOutputError) {
      await finishFailed(deps, events, subject, message, {
        error: error.message,
        code: error.code,
        spend: error.spent,
        provider: error.provider,
        model: error.model,
        citations,
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

/**
 * What the execution records: this delivery's model call with its spend, or — when the cache answered,
 * whether stored earlier or computed meanwhile by an identical delivery — the cached output at no cost.
 */
function completion(
  answer: CachedResult<CachedResponse>,
  ran: StructuredResult<unknown> | undefined,
  context: { citations: Citation[]; knowledgeVersion: number | null; startedAt: number },
): Success {
  const shared = { citations: context.citations, knowledgeVersion: context.knowledgeVersion };
  if (!answer.cached && ran) {
    return {
      ...shared,
      output: ran.object,
      provider: ran.provider,
      model: ran.model,
      tier: ran.tier,
      inputTokens: ran.usage.inputTokens,
      outputTokens: ran.usage.outputTokens,
      costUsd: ran.costUsd,
      attempts: ran.attempts,
      latencyMs: ran.latencyMs,
      cached: false,
      savedUsd: 0,
    };
  }
  const { value } = answer;
  return {
    ...shared,
    output: value.output,
    provider: value.provider,
    model: value.model,
    tier: value.tier,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    attempts: 0,
    latencyMs: Date.now() - context.startedAt,
    cached: true,
    savedUsd: answer.savedUsd,
  };
}

/** The model router for one execution: every switch between models is logged and recorded as an event. */
function routerFor(deps: ConsumerDeps, events: EventBatch, run: ClaimedRun): ModelRouterDeps {
  const onSwitch = async (event: ModelSwitchEvent) => {
    const fields = { from: `${event.from.provider}:${event.from.model}`, to: `${event.to.provider}:${event.to.model}` };
    deps.logger.warn("model switched", {
      execution_id: run.claimed.id,
      reason: event.reason,
      ...fields,
      detail: event.message,
    });
    await withService(deps.sql, (tx) =>
      events.agent(tx, "agent.model_switched", run.subject, {
        ...fields,
        reason: event.reason,
        message: event.message,
        tier_downgrade: event.tierDowngrade,
      }),
    );
    await events.flush(deps.broadcast);
  };
  return {
    ...createRouterDeps({
      config: deps.config,
      settings: deps.settings,
      redis: deps.redis,
      logger: deps.logger,
      agentCode: run.agent.code,
      onSwitch,
    }),
    ...deps.router,
  };
}
