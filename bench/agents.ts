/**
 * `npm run bench -- agents`: agent invocations end to end (API → QStash → consumer → result stored) with the
 * offline model, against GET /health/db on the same Worker as the baseline. Then, from the stored executions,
 * completions per second and the runtime's overhead per invocation: time from the API's insert to the stored
 * result, minus the time the model router spent (`latency_ms`), p50/p99.
 */
import postgres from "postgres";
import { getAgent } from "../shared/agents/registry/index.ts";
import { signLocalToken } from "../shared/auth/sign-token.ts";
import {
  httpClient,
  measure,
  percentile,
  printRatios,
  printTable,
  type Row,
  runBenchmark,
  startProjectWorker,
} from "./lib/index.ts";

const BASELINE = "GET /health/db";
const AGENT = "RES-001";
const ACME = "0a000000-0000-4000-8000-000000000001";
// Every seeded user, so the per-user rate limit (enterprise: 3,000 a minute) is not what gets measured.
const USERS = [
  ["0c000000-0000-4000-8000-000000000001", "alice@acme.test"],
  ["0c000000-0000-4000-8000-000000000002", "oliver@acme.test"],
  ["0c000000-0000-4000-8000-000000000003", "ana@acme.test"],
  ["0c000000-0000-4000-8000-000000000004", "victor@acme.test"],
  ["0c000000-0000-4000-8000-000000000005", "gina@globex.test"],
  ["0c000000-0000-4000-8000-000000000006", "bruno@acme.test"],
  ["0c000000-0000-4000-8000-000000000007", "nina@nowhere.test"],
] as const;

interface Timing {
  total_ms: number;
  model_ms: number;
  created_at: Date;
  completed_at: Date;
}

await runBenchmark("agents: invocations end to end with the offline model", async ({ load, defer }) => {
  const worker = defer(await startProjectWorker());
  const stack = worker.stack;
  if (!stack) throw new Error("the project Worker reports no stack");
  const sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
  defer({ dispose: () => sql.end({ timeout: 5 }) });

  const workspace = crypto.randomUUID();
  await sql.begin(async (tx) => {
    await tx`insert into public.workspaces (id, organization_id, name, slug, plan)
             values (${workspace}, ${ACME}, 'bench agents', ${`bench-${workspace.slice(0, 8)}`}, 'enterprise')`;
    for (const [id] of USERS) {
      await tx`insert into public.workspace_members (workspace_id, user_id, role) values (${workspace}, ${id}, 'lord_operator')`;
    }
    await tx`insert into public.budgets (workspace_id, monthly_limit_usd) values (${workspace}, 1000000)`;
  });
  const tokens = await Promise.all(
    USERS.map(([userId, email]) =>
      signLocalToken({
        userId,
        email,
        supabaseUrl: "http://127.0.0.1:54321",
        jwtSecret: stack.bindings.SUPABASE_JWT_SECRET as string,
      }),
    ),
  );
  // A new input every time: an identical one would be answered from the response cache (bench/agents-cache.ts
  // measures that), and this benchmark is about the path through the model.
  const example = getAgent(AGENT)?.exampleInput as { questions: string[] };
  let turn = 0;
  const invoke = (path: string, expected: number) => async () => {
    const token = tokens[turn % tokens.length];
    const input = { ...example, questions: [...example.questions, `Bench question ${++turn}?`] };
    const res = await fetch(`${worker.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ input }),
    });
    await res.arrayBuffer();
    if (res.status !== expected) throw new Error(`POST ${path}: HTTP ${res.status}`);
  };
  const base = `/api/workspaces/${workspace}/agents/${AGENT}/invoke`;

  const client = defer(httpClient(worker.url, { connections: load.concurrency }));
  const rows: Row[] = [];
  rows.push(await measure(BASELINE, () => client.get("/health/db"), load));
  rows.push(await measure(`POST invoke ${AGENT} (202, queued)`, invoke(base, 202), load));
  rows.push(
    await measure(
      `POST invoke ${AGENT}?wait=true (200, result)`,
      invoke(`${base}?wait=true&wait_seconds=30`, 200),
      load,
    ),
  );
  printRatios(rows, BASELINE);

  // Everything invoked above, warm-up included, runs to completion through QStash; wait for the stragglers.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [left] = await sql<{ n: number }[]>`
      select count(*)::int as n from public.agent_execution_logs where workspace_id = ${workspace} and status in ('queued', 'running')`;
    if (!left?.n || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const timings = await sql<Timing[]>`
    select extract(epoch from (completed_at - created_at)) * 1000 as total_ms, latency_ms as model_ms, created_at, completed_at
    from public.agent_execution_logs where workspace_id = ${workspace} and status = 'succeeded'`;
  const failed = await sql<{ status: string; n: number }[]>`
    select status, count(*)::int as n from public.agent_execution_logs
    where workspace_id = ${workspace} and status <> 'succeeded' group by status`;
  if (timings.length === 0) throw new Error("no execution succeeded");
  const first = Math.min(...timings.map((t) => t.created_at.getTime()));
  const last = Math.max(...timings.map((t) => t.completed_at.getTime()));
  const sorted = (values: number[]) => Float64Array.from(values).sort();
  const total = sorted(timings.map((t) => Number(t.total_ms)));
  const model = sorted(timings.map((t) => Number(t.model_ms)));
  const overhead = sorted(timings.map((t) => Number(t.total_ms) - Number(t.model_ms)));
  const summary = (name: string, values: Float64Array): Row => ({
    name,
    requests: values.length,
    errors: 0,
    durationMs: last - first,
    rps: timings.length / ((last - first) / 1000),
    p50: percentile(values, 50),
    p90: percentile(values, 90),
    p99: percentile(values, 99),
    max: values.at(-1) ?? Number.NaN,
  });
  console.log(
    `\nStored executions: ${timings.length} succeeded${failed.map((f) => `, ${f.n} ${f.status}`).join("")}; rps = completions per second`,
  );
  printTable([
    summary("insert → result stored (total)", total),
    summary("model router (latency_ms)", model),
    summary("runtime overhead (total − model)", overhead),
  ]);
});
