import { Hono } from "hono";
import { loadBudgetSnapshot, monthStart } from "../../shared/agents/runtime/budget.ts";
import { type BudgetSnapshot, claimsOf } from "../../shared/agents/runtime/index.ts";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { type CacheStats, cacheStats, type TypeStats } from "../../shared/cache/index.ts";
import { withUser } from "../../shared/db/database.ts";
import { validate } from "../../shared/http/validate.ts";
import { type CostBreakdown, type CostPeriod, costBreakdown } from "./costs-query.ts";
import type { DataResponse } from "./responses.ts";
import { CostsQuery } from "./schemas.ts";

/** The workspace's cache figures: cumulative counters, so the period does not apply to them. */
export interface CacheFigures extends Omit<CacheStats, "workspace_id" | "by_type"> {
  /** The agent response cache alone: what its hits saved is money not spent on models. */
  agent_responses: TypeStats;
}

/** Spend in a period, the month's budget, and what the cache saved. */
export interface Costs extends CostBreakdown {
  period: CostPeriod;
  /** This month's budget, whatever the period asked for. */
  budget: {
    limit_usd: number;
    spent_usd: number;
    remaining_usd: number;
    threshold_percent: number;
    hard_limit: boolean;
    source: BudgetSnapshot["source"];
  };
  cache: CacheFigures;
}

/** `GET /api/workspaces/:workspaceId/costs` response. */
export type CostsResponse = DataResponse<Costs>;

const day = (date: Date) => date.toISOString().slice(0, 10);

function cacheFigures(stats: CacheStats): CacheFigures {
  const { workspace_id: _workspace, by_type: byType, ...totals } = stats;
  const { ttl_seconds: _ttl, ...agentResponses } = byType.agent_responses;
  return { ...totals, agent_responses: agentResponses };
}

/** Spend by agent, model, guild and day from the cost ledger, with the month's budget and the cache's savings. */
export const costsApp = new Hono<AppEnv>()
  .use(requirePermission("costs:read"))
  .get("/", validate("query", CostsQuery), async (c) => {
    const workspaceId = c.get("workspaceId") as string;
    const { redis, sql } = c.get("services");
    const now = new Date();
    const query = c.req.valid("query");
    const period: CostPeriod = { from: query.from ?? day(monthStart(now)), to: query.to ?? day(now) };
    const [spend, stats] = await Promise.all([
      withUser(sql, claimsOf(c.get("caller")!), async (tx) => ({
        breakdown: await costBreakdown(tx, workspaceId, period),
        budget: await loadBudgetSnapshot(redis, tx, workspaceId, now),
      })),
      cacheStats(redis, workspaceId),
    ]);
    const { breakdown, budget } = spend;
    const data: Costs = {
      period,
      ...breakdown,
      budget: {
        limit_usd: budget.limitUsd,
        spent_usd: budget.spentUsd,
        remaining_usd: Math.max(0, budget.limitUsd - budget.spentUsd),
        threshold_percent: budget.thresholdPercent,
        hard_limit: budget.hardLimit,
        source: budget.source,
      },
      cache: cacheFigures(stats),
    };
    return c.json({ data } satisfies CostsResponse);
  });
