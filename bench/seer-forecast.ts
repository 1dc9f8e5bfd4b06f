/**
 * `npm run bench -- seer-forecast`: the Seer's `predict_trend` on series of 100, 1,000 and 10,000 points.
 * First the pure forecasting functions in this process (every method, one caller: they are CPU-bound), then
 * `POST …/lords/seer/predict-trend` through the project Worker (auth, validation twice, the Lord's Durable
 * Object, the insert and its event) against `GET /health`. Each table ends with how cost grows per tenfold
 * series: ×10 is linear in n, ×100 quadratic.
 */
import postgres from "postgres";
import { signLocalToken } from "../shared/auth/sign-token.ts";
import { type ForecastRequest, forecast } from "../shared/domain/seer/index.ts";
import {
  type Case,
  measureAll,
  printRatios,
  printTable,
  type Row,
  runBenchmark,
  startProjectWorker,
} from "./lib/index.ts";

const SIZES = [100, 1_000, 10_000] as const;
const ACME = "0a000000-0000-4000-8000-000000000001";
/** Callers, each a lord operator of a workspace of their own, so the per-user rate limit is not what gets measured. */
const CALLERS = 8;

/** Trend + a 12-period season + deterministic noise: every method has something to fit. */
function series(n: number): number[] {
  return Array.from(
    { length: n },
    (_, t) => 1_000 + 2 * t + 50 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7919) % 23) - 11,
  );
}

const METHODS: Record<string, { method: ForecastRequest["method"]; degree?: number; period?: number }> = {
  linear: { method: "linear" },
  exponential: { method: "exponential" },
  "polynomial (degree 3)": { method: "polynomial", degree: 3 },
  "seasonal (period 12, fitted)": { method: "seasonal", period: 12 },
  "cyclical (period detected)": { method: "cyclical" },
};

/** Median cost of each size relative to the previous size, per case-name prefix. */
function printGrowth(rows: Row[], prefixes: string[]): void {
  console.log("\ncost growth per 10× points (p50 ratio):");
  for (const prefix of prefixes) {
    const p50 = SIZES.map((n) => rows.find((row) => row.name === `${prefix} n=${n}`)?.p50 ?? Number.NaN);
    const steps = p50.slice(1).map((value, i) => `×${(value / p50[i]!).toFixed(1)}`);
    console.log(`  ${prefix}: ${p50.map((ms) => `${ms.toFixed(3)} ms`).join(" → ")}  (${steps.join(", ")})`);
  }
}

await runBenchmark("seer: predict_trend on 100, 1,000 and 10,000 points", async ({ load, defer }) => {
  // Pure functions: one caller, a short slice per case (15 cases), warm-up included.
  const pureLoad = { ...load, concurrency: 1, durationMs: Math.min(load.durationMs, 1_500), warmupMs: 200 };
  const pureCases: Case[] = Object.entries(METHODS).flatMap(([name, request]) =>
    SIZES.map((n) => {
      const data = series(n);
      return { name: `${name} n=${n}`, fn: async () => forecast(data, { ...request, horizon: 30 } as ForecastRequest) };
    }),
  );
  console.log("### forecast() in process");
  const pureRows = await measureAll(pureCases, pureLoad, { rounds: 1 });
  printTable(pureRows);
  printGrowth(pureRows, Object.keys(METHODS));

  const worker = defer(await startProjectWorker());
  const stack = worker.stack;
  if (!stack) throw new Error("the project Worker reports no stack");
  const sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
  defer({ dispose: () => sql.end({ timeout: 5 }) });

  const callers: { workspaceId: string; authorization: string }[] = [];
  for (let i = 0; i < CALLERS; i++) {
    const userId = crypto.randomUUID();
    const email = `bench-${userId.slice(0, 8)}@bench.test`;
    const workspaceId = crypto.randomUUID();
    await sql.begin(async (tx) => {
      await tx`
        insert into auth.users (instance_id, id, aud, role, email, encrypted_password, created_at, updated_at)
        values ('00000000-0000-0000-0000-000000000000', ${userId}, 'authenticated', 'authenticated', ${email}, '', now(), now())`;
      await tx`
        insert into public.workspaces (id, organization_id, name, slug, plan)
        values (${workspaceId}, ${ACME}, ${`bench seer ${i}`}, ${`bench-seer-${workspaceId.slice(0, 8)}`}, 'enterprise')`;
      await tx`insert into public.workspace_members (workspace_id, user_id, role) values (${workspaceId}, ${userId}, 'lord_operator')`;
    });
    const token = await signLocalToken({
      userId,
      email,
      supabaseUrl: stack.bindings.SUPABASE_URL ?? "http://127.0.0.1:54321",
      jwtSecret: stack.bindings.SUPABASE_JWT_SECRET as string,
      expiresInSeconds: 3600,
    });
    callers.push({ workspaceId, authorization: `Bearer ${token}` });
  }

  let turn = 0;
  const call = (expected: number, path: (workspaceId: string) => string, body?: string) => async () => {
    const caller = callers[turn++ % callers.length]!;
    const res = await fetch(`${worker.url}${path(caller.workspaceId)}`, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { authorization: caller.authorization, "content-type": "application/json" },
      body,
    });
    await res.arrayBuffer();
    if (res.status !== expected) throw new Error(`${path(caller.workspaceId)}: HTTP ${res.status}`);
  };
  const routeCases: Case[] = [
    { name: "GET /health", fn: call(200, () => "/health") },
    ...SIZES.map((n) => ({
      name: `POST predict-trend linear n=${n}`,
      fn: call(
        201,
        (workspaceId) => `/api/workspaces/${workspaceId}/lords/seer/predict-trend`,
        JSON.stringify({ subject: "Bench", metric: `n${n}`, method: "linear", series: series(n), horizon: 30 }),
      ),
    })),
  ];
  console.log("\n### POST /api/workspaces/:id/lords/seer/predict-trend through the Worker");
  const routeLoad = { ...load, concurrency: Math.min(load.concurrency, 4) };
  const routeRows = await measureAll(routeCases, routeLoad);
  printRatios(routeRows, "GET /health");
  printGrowth(routeRows, ["POST predict-trend linear"]);
});
