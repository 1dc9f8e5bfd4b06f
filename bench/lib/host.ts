/**
 * Child process serving Workers for a benchmark, so wrangler's Node side (its proxy's request
 * logs, structured logs) never shares an event loop with the load generator.
 * `node bench/lib/host.ts project` | `node bench/lib/host.ts fixture <name>`: prints one line
 * `READY {json}` when serving, disposes on a `stop` line or when stdin closes (parent gone).
 */
import { createInterface } from "node:readline";
import { type RunningWorker, startHarness, startWorkerOnPort } from "../../test/e2e/harness.ts";

/** What the host reports to its parent once serving. */
export interface HostedWorker {
  url: string;
  /** The local stack's URLs and bindings (project Worker only). */
  stack?: { databaseUrl: string; urls: Record<string, string>; bindings: Record<string, string> };
}

async function start(kind: string | undefined, name: string | undefined): Promise<[RunningWorker, HostedWorker]> {
  if (kind === "project") {
    const harness = await startHarness({ name: `bench_${process.pid}`, logLevel: "error" });
    const { databaseUrl, urls, bindings } = harness.stack;
    return [harness, { url: harness.url, stack: { databaseUrl, urls, bindings } }];
  }
  if (kind === "fixture" && name && /^[\w-]+$/.test(name)) {
    const worker = await startWorkerOnPort({ config: `bench/fixtures/${name}/wrangler.toml`, logLevel: "error" });
    return [worker, { url: worker.url }];
  }
  throw new Error(`usage: host.ts project | host.ts fixture <name>; got ${kind} ${name}`);
}

const [worker, report] = await start(process.argv[2], process.argv[3]);
let disposing = false;
const dispose = async () => {
  if (disposing) return;
  disposing = true;
  await worker.dispose().catch((error: unknown) => console.error("[bench host]", error));
  process.exit(0);
};
// Not signals: miniflare's exit hook answers SIGINT/SIGTERM with an immediate process.exit, which
// would skip dropping the database. The parent asks with "stop" (or by closing stdin, if it dies).
createInterface({ input: process.stdin })
  .on("line", (line) => line.trim() === "stop" && void dispose())
  .on("close", () => void dispose());
process.stdout.write(`READY ${JSON.stringify(report)}\n`);
