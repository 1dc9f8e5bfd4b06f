/**
 * `npm run bench -- lords-latency`: per Lord, one representative read (a page of 25) and one
 * mutating capability (creates a row and its event) through the whole chain — auth, membership,
 * rate limits, the Lord's Durable Object, RLS in Postgres, event publish — against `GET /health`
 * and a Lord's `status` (the same auth, membership and rate-limit chain and a Durable Object
 * call, but no capability) on the same Worker, in interleaved rounds of one run: p50/p99 and
 * each as a ratio to /health. Lords whose capabilities or routes
 * have not landed are skipped, and the output says why.
 */
import postgres from "postgres";
import {
  createBenchWorkspace,
  LORD_BENCHES,
  type LordBench,
  type LordCall,
  type LordCaller,
  lordRequest,
  measureAll,
  printRatios,
  probeLord,
  runBenchmark,
  startProjectWorker,
} from "./lib/index.ts";

const BASELINE = "GET /health";
/**
 * Callers, each a lord_operator of a workspace of their own, rotated per request: spreads the
 * load over one Lord object per workspace as real tenants would, and keeps every caller far from
 * the per-user (3,000/min) and per-workspace (15,000/min) enterprise limits.
 */
const CALLERS = 16;
/** Mutations per caller and Lord before measuring, so the reads return rows. */
const SEED_PER_CALLER = 3;

await runBenchmark("lords-latency: a read and a mutating capability per Lord vs /health", async ({ load, defer }) => {
  const worker = defer(await startProjectWorker());
  const stack = worker.stack;
  if (!stack) throw new Error("the project Worker reports no stack");
  const sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
  defer({ dispose: () => sql.end({ timeout: 5 }) });

  const callers: LordCaller[] = [];
  for (let i = 0; i < CALLERS; i++) {
    const workspace = await createBenchWorkspace(sql, stack, {
      label: `lords-latency-${i}`,
      members: 1,
      role: "lord_operator",
    });
    callers.push({ workspaceId: workspace.id, ...workspace.members[0]! });
  }

  const available: LordBench[] = [];
  const skipped: string[] = [];
  for (const bench of LORD_BENCHES) {
    const reason = await probeLord(worker.url, bench, callers[0]!);
    if (reason) skipped.push(`${bench.lord}: ${reason}`);
    else available.push(bench);
  }

  let turn = 0;
  let calls = 0;
  const send = async (path: string, init: RequestInit) => {
    const res = await fetch(`${worker.url}${path}`, init);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: HTTP ${res.status}`);
  };
  const call = (bench: LordBench, lordCall: LordCall) => () =>
    send(...lordRequest(bench.lord, lordCall, callers[turn++ % callers.length]!, `bench ${bench.lord} ${++calls}`));

  await Promise.all(
    callers.map(async (caller) => {
      for (const bench of available) {
        for (let i = 0; i < SEED_PER_CALLER; i++) {
          await send(...lordRequest(bench.lord, bench.mutate, caller, `bench seed ${bench.lord} ${++calls}`));
        }
      }
    }),
  );

  const statusLord = available[0]?.lord ?? "architect";
  const rows = await measureAll(
    [
      { name: BASELINE, fn: () => send("/health", {}) },
      {
        name: `GET ${statusLord} status (chain + DO, no capability)`,
        fn: () => {
          const caller = callers[turn++ % callers.length]!;
          return send(`/api/workspaces/${caller.workspaceId}/lords/${statusLord}/status`, {
            headers: { authorization: caller.authorization },
          });
        },
      },
      ...available.flatMap((bench) => [
        { name: `${bench.lord} GET ${bench.read.capability}`, fn: call(bench, bench.read) },
        { name: `${bench.lord} POST ${bench.mutate.capability}`, fn: call(bench, bench.mutate) },
      ]),
    ],
    load,
  );
  printRatios(rows, BASELINE);
  console.log(
    `\n${CALLERS} callers, each lord_operator of an enterprise workspace of its own, rotated per request; ` +
      `reads are pages of 25 after ${SEED_PER_CALLER} seeded mutations per workspace (plus the warm-up's).`,
  );
  console.log(`Measured: ${available.map((bench) => bench.lord).join(", ") || "no Lord (none has its routes yet)"}.`);
  for (const line of skipped) console.log(`Skipped ${line}`);
});
