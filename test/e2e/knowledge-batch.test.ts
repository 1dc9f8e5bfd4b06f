import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchResponse, SearchResponse } from "../../functions/knowledge/index.ts";
import { signLocalToken } from "../../shared/auth/sign-token.ts";
import type { BatchProgress } from "../../shared/knowledge/batch.ts";
import { type Harness, startHarness } from "./harness.ts";

// The whole loop of a queued batch: the API publishes slices to the QStash stand-in, which
// delivers them, signed, to this Worker's consumer; progress events land on the workspace
// channel and the documents become searchable.

/** wrangler.toml's local Supabase URL, which the Worker checks token issuers against. */
const SUPABASE_URL = "http://127.0.0.1:54321";
const ACME = "0a000000-0000-4000-8000-000000000001";
const ANA = { id: "0c000000-0000-4000-8000-000000000003", email: "ana@acme.test" };

let harness: Harness;
let sql: postgres.Sql;
let workspace: string;
let token: string;

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function api<T>(path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await harness.fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  harness = await startHarness({ name: `e2e_knowledge_${process.pid}` });
  // Right after start wrangler may still apply the harness's config patch: wait for steady answers.
  let steady = 0;
  await eventually(async () => {
    const ok = await harness
      .fetch("/health")
      .then((res) => res.ok)
      .catch(() => false);
    steady = ok ? steady + 1 : 0;
    return steady >= 5;
  }, 30_000);
  sql = postgres(harness.stack.databaseUrl, { max: 2, onnotice: () => {} });
  workspace = crypto.randomUUID();
  await sql.begin(async (tx) => {
    await tx`insert into public.workspaces (id, organization_id, name, slug, plan)
             values (${workspace}, ${ACME}, 'e2e knowledge', ${`e2e-${workspace.slice(0, 8)}`}, 'enterprise')`;
    await tx`insert into public.workspace_members (workspace_id, user_id, role) values (${workspace}, ${ANA.id}, 'analyst')`;
  });
  token = await signLocalToken({
    userId: ANA.id,
    email: ANA.email,
    supabaseUrl: SUPABASE_URL,
    jwtSecret: harness.stack.bindings.SUPABASE_JWT_SECRET as string,
  });
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await harness?.dispose();
});

describe("queued knowledge batch, end to end", () => {
  it("happy: QStash delivers every slice to the Worker; progress completes and the documents are searchable", async () => {
    const items = Array.from({ length: 15 }, (_, i) => ({
      title: `Vandelay report ${i}`,
      category: "market_analysis",
      document: {
        template: "market_intelligence",
        subject: `Vandelay Industries region ${i}`,
        intelligence_type: "market_trend",
        summary: `Vandelay Industries grew latex imports in region ${i} by ${i + 2} percent.`,
      },
    }));
    const queued = await api<BatchResponse>(`/api/workspaces/${workspace}/knowledge/batch`, { items });
    expect(queued.status).toBe(202);
    if (queued.body.data.mode !== "queued") throw new Error("expected a queued batch");
    const batchId = queued.body.data.batch.batch_id;

    let progress: BatchProgress | undefined;
    await eventually(async () => {
      progress = (await api<{ data: BatchProgress }>(`/api/workspaces/${workspace}/knowledge/batch/${batchId}`)).body
        .data;
      return progress.status === "completed" || progress.status === "failed";
    }, 25_000);
    expect(progress).toMatchObject({
      status: "completed",
      total_items: 15,
      processed_items: 15,
      slices: 2,
      failed_items: 0,
    });

    const events = await sql<{ payload: BatchProgress; channel: string }[]>`
      select payload, channel from public.events
      where workspace_id = ${workspace} and event_type = 'knowledge.batch_progress' order by sequence`;
    expect(events.map((event) => event.channel)).toEqual(["guild_intellect", "guild_intellect"]);
    expect(events.at(-1)?.payload).toMatchObject({ status: "completed", processed_items: 15 });

    const found = await api<SearchResponse>(
      `/api/workspaces/${workspace}/knowledge/search?q=${encodeURIComponent("Vandelay latex imports region 7")}&top_k=3`,
    );
    expect(found.status).toBe(200);
    expect(found.body.data[0]?.text).toContain("region 7");
  });
});
