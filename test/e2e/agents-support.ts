import { Redis } from "@upstash/redis";
import postgres from "postgres";
import { getAgent } from "../../shared/agents/registry/index.ts";
import { signLocalToken } from "../../shared/auth/sign-token.ts";
import type { Harness } from "./harness.ts";

/** The Supabase URL the Worker verifies tokens against (wrangler.toml's local value). */
const SUPABASE_URL = "http://127.0.0.1:54321";
const ACME = "0a000000-0000-4000-8000-000000000001";
/** Seeded users (supabase/seed.sql). */
export const ALICE = { id: "0c000000-0000-4000-8000-000000000001", email: "alice@acme.test" };
export const OLIVER = { id: "0c000000-0000-4000-8000-000000000002", email: "oliver@acme.test" };

/** A test's view of the running Worker and its stack: the database, Redis and a signed-in client. */
export interface AgentsClient {
  sql: postgres.Sql;
  redis: Redis;
  /** A fresh workspace (its own Redis keys too) where alice is admin and oliver lord_operator. */
  workspace: string;
  /** Calls the Worker as `user` with a JSON body. */
  api<T = Record<string, unknown>>(
    user: { id: string; email: string },
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/**
 * Waits until the Worker answers steadily. Right after start, wrangler may still be applying the harness's
 * config patch, and a request caught by that reload dies mid-flight (a delivery left half-run).
 */
async function settled(harness: Harness): Promise<void> {
  let steady = 0;
  await eventually(async () => {
    const ok = await harness
      .fetch("/health")
      .then((res) => res.ok && (res.headers.get("content-type") ?? "").includes("json"))
      .catch(() => false);
    steady = ok ? steady + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
    return steady >= 5;
  }, 30_000);
}

/** Connects to a harness and creates a workspace of its own for the test file. */
export async function agentsClient(harness: Harness): Promise<AgentsClient> {
  await settled(harness);
  const sql = postgres(harness.stack.databaseUrl, { max: 2, onnotice: () => {} });
  const redis = new Redis({
    url: harness.stack.urls.redisRest,
    token: harness.stack.bindings.UPSTASH_REDIS_REST_TOKEN as string,
  });
  const workspace = crypto.randomUUID();
  await sql.begin(async (tx) => {
    await tx`insert into public.workspaces (id, organization_id, name, slug, plan)
             values (${workspace}, ${ACME}, 'e2e agents', ${`e2e-${workspace.slice(0, 8)}`}, 'enterprise')`;
    await tx`insert into public.workspace_members (workspace_id, user_id, role)
             values (${workspace}, ${ALICE.id}, 'admin'), (${workspace}, ${OLIVER.id}, 'lord_operator')`;
  });
  const tokens = new Map<string, string>();
  const tokenFor = async (user: { id: string; email: string }) => {
    let token = tokens.get(user.id);
    if (!token) {
      token = await signLocalToken({
        userId: user.id,
        email: user.email,
        supabaseUrl: SUPABASE_URL,
        jwtSecret: harness.stack.bindings.SUPABASE_JWT_SECRET as string,
      });
      tokens.set(user.id, token);
    }
    return token;
  };
  return {
    sql,
    redis,
    workspace,
    async api(user, path, body) {
      const res = await harness.fetch(path, {
        method: body === undefined ? "GET" : "POST",
        headers: { authorization: `Bearer ${await tokenFor(user)}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      // Not every answer is ours: the runtime itself answers some failures in plain text.
      const type = res.headers.get("content-type") ?? "";
      return { status: res.status, body: (type.includes("json") ? JSON.parse(text) : text || null) as never };
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/** An agent's example input, valid against its schema. */
export function example(code: string): unknown {
  return getAgent(code)?.exampleInput;
}

/** Polls until `check` returns a value, failing after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An execution row as the tests read it. */
export interface ExecutionRow {
  id: string;
  status: string;
  model: string | null;
  provider: string | null;
  tokens_in: number;
  tokens_out: number;
  cost_usd: string;
  attempts: number;
  error: string | null;
  node_key: string | null;
  output: unknown;
  started_at: Date | null;
  completed_at: Date | null;
}

const FINISHED = ["succeeded", "failed", "dead_lettered", "cancelled"];

/** Waits until every execution id is in a finished status; returns the rows. */
export async function finished(sql: postgres.Sql, ids: readonly string[], timeoutMs?: number): Promise<ExecutionRow[]> {
  return eventually(async () => {
    const rows = await sql<ExecutionRow[]>`select * from public.agent_execution_logs where id in ${sql(ids)}`;
    return rows.length === ids.length && rows.every((row) => FINISHED.includes(row.status)) ? rows : undefined;
  }, timeoutMs);
}

/** Event types recorded for an execution, in order. */
export async function eventTypes(sql: postgres.Sql, executionId: string): Promise<string[]> {
  const rows = await sql<{ event_type: string }[]>`
    select event_type from public.events where payload ->> 'execution_id' = ${executionId} order by sequence`;
  return rows.map((row) => row.event_type);
}
