/**
 * `npm run bench -- agents-cache`: an agent invocation with a cold versus a warm response cache, end to end
 * (API → QStash → consumer → result, `?wait=true`) with the offline model. Cold: every invocation has an
 * input never seen before, so the consumer retrieves knowledge and calls the model. Warm: every invocation
 * repeats one input answered earlier, so the consumer answers from the cache. Cases are interleaved in
 * rounds, one at a time and then under load; the cold case is the baseline of the ratios. Then, from the
 * stored executions, what each kind cost and how long the consumer spent on it (`started_at` → `completed_at`).
 */
import postgres from "postgres";
import { getAgent } from "../shared/agents/registry/index.ts";
import {
  createBenchWorkspace,
  measureAll,
  percentile,
  printRatios,
  printTable,
  type Row,
  runBenchmark,
  startProjectWorker,
} from "./lib/index.ts";

const AGENT = "RES-001";
/** Members invoking in turn, so the per-user rate limit (enterprise: 3,000 a minute) is not what gets measured. */
const MEMBERS = 8;
const COLD = "cold cache (new input: knowledge + model)";
const WARM = "warm cache (repeated input: cache hit)";

/**
 * Waits until the Worker answers /health five times in a row: right after start, wrangler may still be
 * applying the harness's config patch, and a request caught by that reload dies mid-flight
 * (test/e2e/agents-support.ts does the same).
 */
async function settled(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (let steady = 0; steady < 5; ) {
    if (Date.now() > deadline) throw new Error("the Worker did not settle within 30 s");
    const res = await fetch(`${url}/health`).catch(() => undefined);
    steady = res?.ok && (res.headers.get("content-type") ?? "").includes("json") ? steady + 1 : 0;
    await res?.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface StoredRun {
  cached: boolean;
  cost_usd: string;
  run_ms: number;
  /** The model router's time (cold) or the cache lookup's (warm). */
  latency_ms: number;
}

await runBenchmark(
  "agents-cache: invocation cost and latency, cold versus warm response cache",
  async ({ load, defer }) => {
    const worker = defer(await startProjectWorker());
    const stack = worker.stack;
    if (!stack) throw new Error("the project Worker reports no stack");
    await settled(worker.url);
    const sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
    defer({ dispose: () => sql.end({ timeout: 5 }) });
    const workspace = await createBenchWorkspace(sql, stack, {
      label: "cache",
      members: MEMBERS,
      role: "lord_operator",
    });
    await sql`insert into public.budgets (workspace_id, monthly_limit_usd) values (${workspace.id}, 1000000)`;

    const example = getAgent(AGENT)?.exampleInput as { questions: string[] };
    const path = `/api/workspaces/${workspace.id}/agents/${AGENT}/invoke?wait=true&wait_seconds=30`;
    let turn = 0;
    let fresh = 0;
    const invoke = async (input: unknown) => {
      const member = workspace.members[turn++ % workspace.members.length]!;
      const res = await fetch(`${worker.url}${path}`, {
        method: "POST",
        headers: { authorization: member.authorization, "content-type": "application/json" },
        body: JSON.stringify({ input }),
      });
      const text = await res.text();
      const finished = res.status === 200 && (JSON.parse(text) as { data: { completed: boolean } }).data.completed;
      if (!finished) throw new Error(`POST invoke: HTTP ${res.status} ${text.slice(0, 120)}`);
    };
    const coldInput = () => ({ ...example, questions: [...example.questions, `Bench question ${++fresh}?`] });

    // The workspace's first invocation loads the Codex into its knowledge; then the warm input is answered once.
    await invoke(coldInput());
    await invoke(example);
    const cases = [
      { name: COLD, fn: () => invoke(coldInput()) },
      { name: WARM, fn: () => invoke(example) },
    ];
    // One at a time (latency with nothing queued), then under load (throughput).
    for (const concurrency of new Set([1, load.concurrency])) {
      console.log(`${concurrency === 1 ? "One invocation at a time" : `${concurrency} connections`}:`);
      printRatios(await measureAll(cases, { ...load, concurrency }), COLD);
      console.log("");
    }

    const runs = await sql<StoredRun[]>`
    select cached, cost_usd, extract(epoch from (completed_at - started_at)) * 1000 as run_ms, latency_ms
    from public.agent_execution_logs where workspace_id = ${workspace.id} and status = 'succeeded'`;
    const [ledger] = await sql<{ cold: number; warm: number; hits: number }[]>`
    select coalesce(sum(amount_usd) filter (where not cache_hit), 0)::float8 as cold,
           coalesce(sum(amount_usd) filter (where cache_hit), 0)::float8 as warm,
           count(*) filter (where cache_hit)::int as hits
    from public.cost_ledger where workspace_id = ${workspace.id}`;
    const summary = (name: string, cached: boolean, pick: (run: StoredRun) => number): Row & { costUsd: number } => {
      const mine = runs.filter((run) => run.cached === cached);
      const sorted = Float64Array.from(mine.map((run) => Number(pick(run)))).sort();
      return {
        name,
        requests: mine.length,
        errors: 0,
        durationMs: 0,
        rps: Number.NaN,
        p50: percentile(sorted, 50),
        p90: percentile(sorted, 90),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? Number.NaN,
        costUsd: mine.reduce((sum, run) => sum + Number(run.cost_usd), 0) / Math.max(1, mine.length),
      };
    };
    const cold = summary("consumer run, cold (model call)", false, (run) => run.run_ms);
    const warm = summary("consumer run, warm (cache hit)", true, (run) => run.run_ms);
    console.log("Stored executions (started → completed in the consumer; every invocation above, warm-ups included):");
    printTable([
      cold,
      warm,
      summary("of which the model router (latency_ms)", false, (run) => run.latency_ms),
      summary("of which the cache lookup (latency_ms)", true, (run) => run.latency_ms),
    ]);
    const usd = (value: number) => `$${value.toFixed(6)}`;
    console.log(
      `\nCost per invocation: cold ${usd(cold.costUsd)}, warm ${usd(warm.costUsd)} → warm/cold ${(warm.costUsd / cold.costUsd).toFixed(2)}×` +
        `\nLedger: ${usd(ledger?.cold ?? 0)} for ${cold.requests} model calls, ${usd(ledger?.warm ?? 0)} for ${ledger?.hits ?? 0} cache hits` +
        `\nConsumer run p50: warm/cold ${(warm.p50 / cold.p50).toFixed(2)}×, p99 ${(warm.p99 / cold.p99).toFixed(2)}×`,
    );
  },
);
