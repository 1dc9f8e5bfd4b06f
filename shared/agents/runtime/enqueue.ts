import * as v from "valibot";
import { type JwtClaims, withUser } from "../../db/database.ts";
import { ApiError, type ErrorDetail } from "../../http/api-error.ts";
import { MODEL_TIERS, type ModelTier } from "../../models/tiers.ts";
import type { AgentDefinition } from "../registry/index.ts";
import { announceBudget, type BudgetCheck, checkBudget } from "./budget-guard.ts";
import { decideBudget } from "./budget-policy.ts";
import { GraphError, planGraph } from "./dag.ts";
import { nowOf, type RuntimeDeps } from "./deps.ts";
import { EventBatch } from "./events.ts";
import { insertExecutions, type NewExecution } from "./execution-store.ts";
import type { ExecutionMessage } from "./messages.ts";
import { type Outgoing, publishExecutions } from "./publisher.ts";

/** One agent to run: the agent, its input, and — in a graph — its step key and dependencies. */
export interface InvocationSpec {
  agent: AgentDefinition;
  input: unknown;
  /** Where the input sits in the request body, for validation errors (e.g. `invocations.2.input`). */
  field: string;
  nodeKey?: string;
  dependsOn?: readonly string[];
  /** Bypass the response cache (a user asking to regenerate): the model runs and its answer replaces the cached one. */
  refresh?: boolean;
}

/** The caller of an invocation. */
export interface Invoker {
  workspaceId: string;
  userId: string;
  requestId: string;
  claims: JwtClaims;
}

/** One execution as the 202 response describes it. */
export interface QueuedExecution {
  execution_id: string;
  agent_code: string;
  node_key: string | null;
  status: "queued";
  /** Whether its message was published now (graph steps wait for their dependencies). */
  published: boolean;
  tier: ModelTier;
  requested_tier: ModelTier;
  downgraded: boolean;
}

/** What an invocation queued. */
export interface EnqueueResult {
  executions: QueuedExecution[];
  graph_id: string | null;
  budget: { limit_usd: number; spent_usd: number; remaining_usd: number; threshold_reached: boolean };
}

/**
 * Validates inputs against each agent's schema (and a graph's shape), checks the budget (past the threshold
 * tiers drop, at zero the call is refused with 402 and an alert), records the executions as `queued` with
 * `agent.queued`, then publishes to QStash every execution that can start now.
 */
export async function enqueueInvocations(
  deps: RuntimeDeps,
  invoker: Invoker,
  specs: readonly InvocationSpec[],
  options: { graph: boolean },
): Promise<EnqueueResult> {
  const inputs = validateInputs(specs);
  const graphNodes = specs.map((spec) => ({
    key: spec.nodeKey ?? "",
    agentCode: spec.agent.code,
    dependsOn: spec.dependsOn ?? [],
  }));
  if (options.graph) {
    try {
      planGraph(graphNodes);
    } catch (error) {
      if (error instanceof GraphError) throw ApiError.badRequest(error.message, error.issues, "INVALID_GRAPH");
      throw error;
    }
  }
  const check = await budgetFor(deps, invoker, specs);
  const graphId = options.graph ? crypto.randomUUID() : null;
  const queued = specs.map((spec): QueuedExecution & { message: ExecutionMessage } => {
    const decision = decideBudget(check.snapshot, spec.agent.defaultTier);
    const tier = decision.kind === "refuse" ? "fast" : decision.tier;
    const executionId = crypto.randomUUID();
    const message: ExecutionMessage = {
      version: 1,
      execution_id: executionId,
      workspace_id: invoker.workspaceId,
      agent_code: spec.agent.code,
      user_id: invoker.userId,
      request_id: invoker.requestId,
      budget: {
        tier,
        requested_tier: spec.agent.defaultTier,
        downgraded: tier !== spec.agent.defaultTier,
        remaining_usd: decision.remainingUsd,
      },
      ...(graphId
        ? {
            graph: {
              id: graphId,
              node_key: spec.nodeKey ?? "",
              nodes: graphNodes.map((n) => ({ key: n.key, agent_code: n.agentCode, depends_on: [...n.dependsOn] })),
            },
          }
        : {}),
      ...(spec.refresh ? { refresh: true } : {}),
    };
    return {
      execution_id: executionId,
      agent_code: spec.agent.code,
      node_key: spec.nodeKey ?? null,
      status: "queued",
      published: (spec.dependsOn ?? []).length === 0,
      tier,
      requested_tier: spec.agent.defaultTier,
      downgraded: message.budget.downgraded,
      message,
    };
  });

  const events = new EventBatch();
  await withUser(deps.sql, invoker.claims, async (tx) => {
    const rows: NewExecution[] = queued.map((q, i) => ({
      id: q.execution_id,
      workspaceId: invoker.workspaceId,
      agentCode: q.agent_code,
      capability: specs[i]?.agent.capabilities[0] ?? null,
      input: inputs[i],
      requestId: invoker.requestId,
      triggeredBy: invoker.userId,
      graphId,
      nodeKey: q.node_key,
    }));
    await insertExecutions(tx, rows);
    for (const [i, q] of queued.entries()) {
      const spec = specs[i] as InvocationSpec;
      await events.agent(
        tx,
        "agent.queued",
        {
          workspaceId: invoker.workspaceId,
          executionId: q.execution_id,
          agentCode: q.agent_code,
          guild: spec.agent.guild,
          requestId: invoker.requestId,
          actorId: invoker.userId,
          graphId,
          nodeKey: q.node_key,
        },
        { tier: q.tier, downgraded: q.downgraded },
      );
    }
  });
  await events.flush(deps.broadcast);
  const outgoing = queued
    .filter((q) => q.published)
    .map((q) => ({ message: q.message, deduplicationId: q.execution_id }));
  await publishOrFail(
    deps,
    invoker,
    outgoing,
    queued.map((q) => q.execution_id),
  );

  return {
    executions: queued.map(({ message: _message, ...rest }) => rest),
    graph_id: graphId,
    budget: {
      limit_usd: check.snapshot.limitUsd,
      spent_usd: check.snapshot.spentUsd,
      remaining_usd: Math.max(0, check.snapshot.limitUsd - check.snapshot.spentUsd),
      threshold_reached: check.decision.kind !== "refuse" && check.decision.thresholdReached,
    },
  };
}

/** Each input parsed with its agent's schema; every failure of every input in one 400. */
function validateInputs(specs: readonly InvocationSpec[]): unknown[] {
  const details: ErrorDetail[] = [];
  const outputs = specs.map((spec) => {
    const result = v.safeParse(spec.agent.inputSchema, spec.input);
    if (result.success) return result.output;
    for (const issue of result.issues) {
      const path = v.getDotPath(issue);
      details.push({
        field: path ? `${spec.field}.${path}` : spec.field,
        message: issue.message,
        agent_code: spec.agent.code,
      });
    }
    return undefined;
  });
  if (details.length > 0) throw ApiError.validation(details);
  return outputs;
}

/** The budget decision for this batch; a refusal is announced (alert, event) and committed before the 402. */
async function budgetFor(deps: RuntimeDeps, invoker: Invoker, specs: readonly InvocationSpec[]): Promise<BudgetCheck> {
  const rank = (tier: ModelTier) => MODEL_TIERS.indexOf(tier);
  const strongest = specs.map((spec) => spec.agent.defaultTier).sort((a, b) => rank(b) - rank(a))[0] ?? "fast";
  const events = new EventBatch();
  const check = await withUser(deps.sql, invoker.claims, async (tx) => {
    const now = nowOf(deps);
    const result = await checkBudget(deps.redis, tx, invoker.workspaceId, strongest, now);
    await announceBudget(
      tx,
      events,
      { workspaceId: invoker.workspaceId, actorId: invoker.userId, requestId: invoker.requestId },
      result,
      now,
    );
    return result;
  });
  await events.flush(deps.broadcast);
  if (check.decision.kind === "refuse") {
    throw ApiError.paymentRequired(
      `The workspace's monthly model budget of $${check.snapshot.limitUsd} is exhausted; raise it or wait for next month`,
      [
        {
          field: "budget",
          message: "exhausted",
          limit_usd: check.snapshot.limitUsd,
          spent_usd: check.snapshot.spentUsd,
        },
      ],
    );
  }
  return check;
}

/** Publishes; when QStash refuses, the executions are failed so nothing waits forever, and the caller gets 503. */
async function publishOrFail(deps: RuntimeDeps, invoker: Invoker, outgoing: Outgoing[], ids: string[]): Promise<void> {
  try {
    await publishExecutions(deps.qstash, deps.config.PUBLIC_BASE_URL, outgoing);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.error("publishing agent executions failed", { error: reason, request_id: invoker.requestId });
    await withUser(
      deps.sql,
      invoker.claims,
      (tx) => tx`
      update public.agent_execution_logs
      set status = 'failed', error = ${`QUEUE_UNAVAILABLE: ${reason}`}, started_at = now(), completed_at = now()
      where workspace_id = ${invoker.workspaceId} and id in ${tx(ids)} and status = 'queued'`,
    );
    throw ApiError.unavailable("The agent queue is unavailable; nothing was run. Try again shortly.", [
      { field: "qstash", message: reason },
    ]);
  }
}
