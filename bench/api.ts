/**
 * `npm run bench -- api`: the workspace API with everything on — token verification, membership,
 * rate limits (Upstash Redis), row-level security per request (Postgres via Hyperdrive), events —
 * for `GET …/campaigns` (a page of 25) and `POST …/campaigns` (201, one campaign and its event),
 * against `GET /health` (the middleware chain without I/O) on the same Worker, in interleaved
 * rounds of one run: p50/p99 and requests per second, and each as a ratio to /health.
 */
import postgres from "postgres";
import { signLocalToken } from "../shared/auth/sign-token.ts";
import { measureAll, printRatios, runBenchmark, startProjectWorker } from "./lib/index.ts";

const BASELINE = "GET /health";
const ACME = "0a000000-0000-4000-8000-000000000001";
/** Campaigns each workspace starts with, so every list call returns a full page. */
const SEEDED_CAMPAIGNS = 60;
/**
 * Callers, each an analyst of a workspace of their own: requests rotate over them so neither the
 * per-user (3,000/min) nor the per-workspace (15,000/min) enterprise limit is what gets measured.
 */
const CALLERS = 32;

interface Caller {
  workspaceId: string;
  authorization: string;
}

await runBenchmark("api: campaigns list and create through auth, RLS and rate limits", async ({ load, defer }) => {
  const worker = defer(await startProjectWorker());
  const stack = worker.stack;
  if (!stack) throw new Error("the project Worker reports no stack");
  const sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
  defer({ dispose: () => sql.end({ timeout: 5 }) });

  const callers: Caller[] = [];
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
        values (${workspaceId}, ${ACME}, ${`bench api ${i}`}, ${`bench-api-${workspaceId.slice(0, 8)}`}, 'enterprise')`;
      await tx`insert into public.workspace_members (workspace_id, user_id, role) values (${workspaceId}, ${userId}, 'analyst')`;
      await tx`
        insert into public.campaigns (workspace_id, name, objective_type, created_by, owner_id)
        select ${workspaceId}, 'Seeded ' || n, 'awareness', ${userId}, ${userId} from generate_series(1, ${SEEDED_CAMPAIGNS}) as n`;
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

  // One client (fetch, keep-alive) for every case, so the ratios compare the Worker, not clients.
  let turn = 0;
  const call = (expected: number, request: (caller: Caller) => [path: string, init: RequestInit]) => async () => {
    const [path, init] = request(callers[turn++ % callers.length]!);
    const res = await fetch(`${worker.url}${path}`, init);
    await res.arrayBuffer();
    if (res.status !== expected) throw new Error(`${init.method ?? "GET"} ${path}: HTTP ${res.status}`);
  };
  let created = 0;

  const rows = await measureAll(
    [
      { name: BASELINE, fn: call(200, () => ["/health", {}]) },
      {
        name: "GET campaigns (page of 25)",
        fn: call(200, (caller) => [
          `/api/workspaces/${caller.workspaceId}/campaigns?limit=25`,
          { headers: { authorization: caller.authorization } },
        ]),
      },
      {
        name: "POST campaigns (201 + event)",
        fn: call(201, (caller) => [
          `/api/workspaces/${caller.workspaceId}/campaigns`,
          {
            method: "POST",
            headers: { authorization: caller.authorization, "content-type": "application/json" },
            body: JSON.stringify({ name: `Bench ${++created}`, objective_type: "conversion" }),
          },
        ]),
      },
    ],
    load,
  );
  printRatios(rows, BASELINE);
});
