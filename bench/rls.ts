import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "../local-stack/index.ts";
import { connect, withService, withUser } from "../shared/db/database.ts";
import { measureAll, printRatios, runBenchmark } from "./lib/index.ts";

// The cost of row-level security: the campaigns list (first page of 25, newest first) of one
// workspace among 20 holding 10,000 campaigns, as its member under RLS (`withUser`) versus the
// same query as service_role with an explicit workspace filter (`withService`).
const WORKSPACES = 20;
const CAMPAIGNS_PER_WORKSPACE = 500;
const ORGANIZATION = "0a000000-0000-4000-8000-000000000001"; // Acme, seeded
const ALICE = { id: "0c000000-0000-4000-8000-000000000001", email: "alice@acme.test" };

await runBenchmark("rls: campaigns list under withUser vs service role", async ({ load, defer }) => {
  const stateDir = await mkdtemp(join(tmpdir(), "raptorflow-bench-rls-"));
  const stack = await startLocalStack({
    database: `raptorflow_bench_rls_${process.pid}`,
    fresh: true,
    ephemeralPorts: true,
    stateDir,
  });
  defer({
    dispose: async () => {
      await stack.close({ dropDatabase: true });
      await rm(stateDir, { recursive: true, force: true });
    },
  });
  const sql = connect(stack.databaseUrl, { max: load.concurrency });
  defer({ dispose: () => sql.end({ timeout: 5 }) });

  const workspaceIds = Array.from({ length: WORKSPACES }, () => crypto.randomUUID());
  await sql.begin(async (tx) => {
    for (const [index, id] of workspaceIds.entries()) {
      await tx`insert into public.workspaces (id, organization_id, name, slug, plan)
               values (${id}, ${ORGANIZATION}, ${`Bench ${index}`}, ${`bench-rls-${index}-${id.slice(0, 6)}`}, 'enterprise')`;
      await tx`insert into public.campaigns (workspace_id, name, objective_type, created_at)
               select ${id}, 'Campaign ' || n, 'awareness', now() - (n || ' minutes')::interval
               from generate_series(1, ${CAMPAIGNS_PER_WORKSPACE}) as n`;
    }
    // Alice belongs to one of them (she is also in the seeded workspaces, as in real life).
    await tx`insert into public.workspace_members (workspace_id, user_id, role) values (${workspaceIds[7]!}, ${ALICE.id}, 'analyst')`;
    await tx`analyze public.campaigns`;
  });
  const workspaceId = workspaceIds[7]!;
  const claims = { sub: ALICE.id, role: "authenticated", aud: "authenticated", email: ALICE.email };
  const page = (tx: Parameters<Parameters<typeof withService>[1]>[0]) =>
    tx`select id, name, status, created_at from public.campaigns
       where workspace_id = ${workspaceId} order by created_at desc, id desc limit 25`;

  const [userRows, serviceRows] = await Promise.all([withUser(sql, claims, page), withService(sql, page)]);
  if (userRows.length !== 25 || serviceRows.length !== 25) throw new Error("the list query did not return a full page");

  const rows = await measureAll(
    [
      { name: "service role (explicit workspace filter)", fn: () => withService(sql, page) },
      { name: "withUser (RLS: membership helpers)", fn: () => withUser(sql, claims, page) },
    ],
    load,
  );
  printRatios(rows, "service role (explicit workspace filter)");
});
