import type * as v from "valibot";
import { getAgent } from "../../../shared/agents/registry/index.ts";
import { addSpend } from "../../../shared/agents/runtime/budget.ts";
import { checkBudget } from "../../../shared/agents/runtime/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import {
  type AnySchema,
  generateStructured,
  type ModelTier,
  ModelUnavailableError,
  StructuredOutputError,
} from "../../../shared/models/index.ts";
import { loadModelSettings } from "../../../shared/models/model-settings.ts";
import { createRouterDeps } from "../../../shared/models/router-deps.ts";
import type { CapabilityContext } from "../capability.ts";

/** The Architect's agent code: its model calls are made, priced and budgeted as LORD-001's. */
const ARCHITECT_CODE = "LORD-001";

/** How a model answer was obtained and what it cost. */
export interface ModelUse {
  provider: string;
  model: string;
  tier: ModelTier;
  downgraded: boolean;
  cost_usd: number;
  tokens_in: number;
  tokens_out: number;
  attempts: number;
  latency_ms: number;
}

/** What was spent on one model request, successful or not. */
interface Spent {
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  model: string | null;
  provider: string | null;
}

/**
 * Asks the model layer for a schema-valid object on the Architect's tier (strategy work: the
 * strongest), within the workspace's budget: past its threshold the tier drops, at zero a hard
 * budget refuses with 402. Every call's cost, failed ones included, goes to the cost ledger and
 * the hot spend counter, as the agent runtime charges its agents.
 */
export async function askArchitectModel<S extends AnySchema>(
  ctx: CapabilityContext,
  request: { system: string; prompt: string; schema: S; schemaName: string; purpose: string },
): Promise<{ object: v.InferOutput<S>; model: ModelUse }> {
  const requested = getAgent(ARCHITECT_CODE)?.defaultTier ?? "strongest";
  const { decision } = await ctx.transaction((tx) =>
    checkBudget(ctx.services.redis, tx, ctx.workspaceId, requested, new Date()),
  );
  if (decision.kind === "refuse") {
    throw ApiError.paymentRequired(
      `The workspace's monthly model budget of $${decision.limitUsd} is exhausted; raise it or wait for next month`,
      [{ field: "budget", message: "exhausted", limit_usd: decision.limitUsd, spent_usd: decision.spentUsd }],
    );
  }
  const deps = createRouterDeps({
    config: ctx.services.config,
    settings: loadModelSettings(ctx.env),
    redis: ctx.services.redis,
    logger: ctx.logger,
    agentCode: ARCHITECT_CODE,
    onSwitch: (event) => ctx.logger.warn("architect model switched", { reason: event.reason, message: event.message }),
  });
  try {
    const result = await generateStructured(
      { tier: decision.tier, system: request.system, prompt: request.prompt, schema: request.schema },
      deps,
    );
    await chargeSpend(ctx, request.purpose, {
      costUsd: result.costUsd,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      model: result.model,
      provider: result.provider,
    });
    return {
      object: result.object,
      model: {
        provider: result.provider,
        model: result.model,
        tier: result.tier,
        downgraded: result.tier !== requested,
        cost_usd: result.costUsd,
        tokens_in: result.usage.inputTokens,
        tokens_out: result.usage.outputTokens,
        attempts: result.attempts,
        latency_ms: result.latencyMs,
      },
    };
  } catch (err) {
    if (err instanceof ModelUnavailableError || err instanceof StructuredOutputError) {
      const failed = err instanceof StructuredOutputError ? { model: err.model, provider: err.provider } : null;
      await chargeSpend(ctx, request.purpose, {
        ...err.spent,
        model: failed?.model ?? null,
        provider: failed?.provider ?? null,
      });
      throw ApiError.unavailable(`The Architect could not get an answer from a model: ${err.message}`, [
        { field: "model", message: err.code },
      ]);
    }
    throw err;
  }
}

// The ledger's provider names: the offline model is the platform's own, `local`.
const ledgerProvider = (provider: string | null) => (provider === "offline" ? "local" : provider);

async function chargeSpend(ctx: CapabilityContext, purpose: string, spent: Spent): Promise<void> {
  if (spent.costUsd <= 0 && spent.inputTokens + spent.outputTokens === 0) return;
  // The ledger is written on the Lord's authority (members may read it, never write it).
  await ctx.serviceTransaction(
    (tx) => tx`
      insert into public.cost_ledger (workspace_id, category, amount_usd, description, model, provider, tokens_in,
                                      tokens_out, budget_id, agent_id, occurred_at)
      select ${ctx.workspaceId}, 'llm', ${spent.costUsd}, ${purpose}, ${spent.model}, ${ledgerProvider(spent.provider)},
             ${spent.inputTokens}, ${spent.outputTokens},
             (select id from public.budgets where workspace_id = ${ctx.workspaceId}),
             (select id from public.agent_registry where code = ${ARCHITECT_CODE}), now()`,
  );
  await addSpend(ctx.services.redis, ctx.workspaceId, spent.costUsd, new Date());
}
