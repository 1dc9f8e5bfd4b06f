import { Hono } from "hono";
import { loadBudgetSnapshot, monthStart } from "../../shared/agents/runtime/budget.ts";
import { type BudgetSnapshot, claimsOf } from "../../shared/agents/runtime/index.ts";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { withUser } from "../../shared/db/database.ts";
import { validate } from "../../shared/http/validate.ts";
import { type CostBreakdown, type CostPeriod, costBreakdown } from "./costs-query.ts";
import { CostsQuery } from "./schemas.ts";

/** `GET /api/workspaces/:workspaceId/costs` response. */
export interface CostsResponse extends CostBreakdown {
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
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Spend by agent, model, guild and day from the cost ledger, with the month's budget. */
export const costsApp = new Hono<AppEnv>()
  .use(requirePermission("costs:read"))
  .get("/", validate("query", CostsQuery), async (c) => {
    const workspaceId = c.get("workspaceId") as string;
    const { redis, sql } = c.get("services");
    const now = new Date();
    const query = c.req.valid("query");
    const period: CostPeriod = { from: query.from ?? day(monthStart(now)), to: query.to ?? day(now) };
    const body = await withUser(sql, claimsOf(c.get("caller")!), async (tx): Promise<CostsResponse> => {
      const breakdown = await costBreakdown(tx, workspaceId, period);
      const budget = await loadBudgetSnapshot(redis, tx, workspaceId, now);
      return {
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
      };
    });
    return c.json(body);
  });
