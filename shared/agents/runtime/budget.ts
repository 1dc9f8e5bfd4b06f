import type { Redis } from "@upstash/redis/cloudflare";
import type { Tx } from "../../db/database.ts";
import { type BudgetSnapshot, DEFAULT_THRESHOLD_PERCENT, defaultLimitUsd } from "./budget-policy.ts";
import { ledgerSpendSince } from "./cost-ledger.ts";

/**
 * The hot-path spend counter lives this long before it is rebuilt from the ledger: the reconciliation that
 * bounds any drift (a crash between the ledger commit and the increment) to an hour.
 */
const COUNTER_TTL_SECONDS = 3_600;
const MICRO = 1_000_000;

// Increments only a counter that exists: a missing one is rebuilt from the ledger, which already holds
// this spend, so creating it from zero here would undercount until the next rebuild.
const INCREMENT_IF_PRESENT = `if redis.call('exists', KEYS[1]) == 1 then return redis.call('incrby', KEYS[1], ARGV[1]) end return nil`;

/** The first instant of the UTC month `now` falls in: budgets are monthly. */
export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** The Redis key of a workspace's spend this month, in micro-dollars. */
export function spendKey(workspaceId: string, now: Date): string {
  return `agents:spend:${workspaceId}:${monthStart(now).toISOString().slice(0, 7)}`;
}

/** This month's spend in USD: the Redis counter, rebuilt from the ledger when missing. */
export async function readSpend(redis: Redis, tx: Tx, workspaceId: string, now: Date): Promise<number> {
  const key = spendKey(workspaceId, now);
  const cached = await redis.get<number | string>(key);
  if (cached !== null && cached !== undefined) return Number(cached) / MICRO;
  const spent = await ledgerSpendSince(tx, workspaceId, monthStart(now));
  // NX: a concurrent rebuild or increment that got there first wins; both started from the same ledger.
  await redis.set(key, Math.round(spent * MICRO), { nx: true, ex: COUNTER_TTL_SECONDS });
  return spent;
}

/** Adds a charge the ledger has just recorded to the hot-path counter. */
export async function addSpend(redis: Redis, workspaceId: string, usd: number, now: Date): Promise<void> {
  const micro = Math.round(usd * MICRO);
  if (micro <= 0) return;
  await redis.eval(INCREMENT_IF_PRESENT, [spendKey(workspaceId, now)], [String(micro)]);
}

interface BudgetRow {
  monthly_limit_usd: string;
  alert_threshold_percent: string;
  hard_limit: boolean;
}

/** The workspace's budget and this month's spend: its `budgets` row, or $10 per member when it has none. */
export async function loadBudgetSnapshot(
  redis: Redis,
  tx: Tx,
  workspaceId: string,
  now: Date,
): Promise<BudgetSnapshot> {
  const [budget] = await tx<BudgetRow[]>`
    select monthly_limit_usd, alert_threshold_percent, hard_limit from public.budgets where workspace_id = ${workspaceId}`;
  const spentUsd = await readSpend(redis, tx, workspaceId, now);
  if (budget) {
    return {
      limitUsd: Number(budget.monthly_limit_usd),
      spentUsd,
      thresholdPercent: Number(budget.alert_threshold_percent),
      hardLimit: budget.hard_limit,
      source: "budget",
    };
  }
  const [members] = await tx<{ n: number }[]>`
    select count(*)::int as n from public.workspace_members where workspace_id = ${workspaceId}`;
  return {
    limitUsd: defaultLimitUsd(members?.n ?? 0),
    spentUsd,
    thresholdPercent: DEFAULT_THRESHOLD_PERCENT,
    hardLimit: true,
    source: "default",
  };
}
