import type { Redis } from "@upstash/redis/cloudflare";
import type { Tx } from "../../db/database.ts";
import type { ModelTier } from "../../models/tiers.ts";
import { raiseAlert } from "./alerts.ts";
import { loadBudgetSnapshot, monthStart } from "./budget.ts";
import { type BudgetDecision, type BudgetSnapshot, decideBudget } from "./budget-policy.ts";
import type { EventBatch } from "./events.ts";

/** A budget decision with the numbers it was made from. */
export interface BudgetCheck {
  decision: BudgetDecision;
  snapshot: BudgetSnapshot;
}

/** Checks the workspace's remaining budget for a call of `tier`. */
export async function checkBudget(
  redis: Redis,
  tx: Tx,
  workspaceId: string,
  tier: ModelTier,
  now: Date,
): Promise<BudgetCheck> {
  const snapshot = await loadBudgetSnapshot(redis, tx, workspaceId, now);
  return { decision: decideBudget(snapshot, tier), snapshot };
}

/** Who is told about a budget crossing. */
export interface BudgetAudience {
  workspaceId: string;
  actorId: string | null;
  requestId: string | null;
}

/**
 * Announces a crossing once per workspace and month: the first call past the threshold emits
 * `budget.threshold_reached` with a warning alert, the first refusal `budget.exhausted` with an error alert.
 * "Once" is decided in Postgres (an open alert for the month), so it holds across isolates.
 */
export async function announceBudget(
  tx: Tx,
  events: EventBatch,
  audience: BudgetAudience,
  check: BudgetCheck,
  now: Date,
): Promise<void> {
  const { decision, snapshot } = check;
  const kind = decision.kind === "refuse" ? "exhausted" : decision.thresholdReached ? "threshold" : undefined;
  if (!kind) return;
  const month = monthStart(now).toISOString().slice(0, 7);
  const [open] = await tx<{ id: string }[]>`
    select id from public.alerts
    where workspace_id = ${audience.workspaceId} and alert_type = 'budget' and status <> 'resolved'
      and metadata ->> 'kind' = ${kind} and metadata ->> 'month' = ${month}
    limit 1`;
  if (open) return;
  const numbers = {
    limit_usd: snapshot.limitUsd,
    spent_usd: round(snapshot.spentUsd),
    threshold_percent: snapshot.thresholdPercent,
    source: snapshot.source,
  };
  await events.record(tx, {
    workspaceId: audience.workspaceId,
    type: kind === "exhausted" ? "budget.exhausted" : "budget.threshold_reached",
    actorId: audience.actorId,
    requestId: audience.requestId,
    payload: { ...numbers, month },
  });
  await raiseAlert(tx, events, {
    workspaceId: audience.workspaceId,
    type: "budget",
    severity: kind === "exhausted" ? "error" : "warning",
    title:
      kind === "exhausted"
        ? `Monthly model budget of $${snapshot.limitUsd} exhausted`
        : `Model spend passed ${snapshot.thresholdPercent}% of the $${snapshot.limitUsd} monthly budget`,
    message:
      kind === "exhausted"
        ? "Agent invocations are refused until the budget is raised or the month ends."
        : "Agent calls now run on a cheaper model tier to stretch the remaining budget.",
    metadata: { kind, month, ...numbers },
    requestId: audience.requestId,
    actorId: audience.actorId,
  });
}

function round(usd: number): number {
  return Math.round(usd * 1_000_000) / 1_000_000;
}
