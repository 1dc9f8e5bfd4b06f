import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { HostedWorker } from "./host.ts";

/** A Worker served from a child process (bench/lib/host.ts). */
export interface BenchWorker extends HostedWorker {
  dispose(): Promise<void>;
}

const HOST = join(import.meta.dirname, "host.ts");
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

/** The project's Worker on a port with a fresh local stack of its own (test/e2e/harness.ts). */
export function startProjectWorker(): Promise<BenchWorker> {
  return host(["project"]);
}

/** A fixture Worker from `bench/fixtures/<name>/wrangler.toml` (e.g. the `hello-worker` baseline). */
export function startFixtureWorker(name: string): Promise<BenchWorker> {
  return host(["fixture", name]);
}

async function host(args: string[]): Promise<BenchWorker> {
  // Its own process group: a terminal's Ctrl-C reaches only the benchmark, which then asks the
  // host to stop, so the host always gets to drop its database.
  const child = spawn(process.execPath, [HOST, ...args], { stdio: ["pipe", "pipe", "inherit"], detached: true });
  const exited = once(child, "exit");
  const dispose = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end("stop\n");
    // Last resort: the whole group, so no workerd outlives its host.
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<HostedWorker>((resolve, reject) => {
    lines.on("line", (line) => {
      if (line.startsWith("READY ")) resolve(JSON.parse(line.slice("READY ".length)) as HostedWorker);
      else console.log(line);
    });
    void exited.then(([code]) => reject(new Error(`bench host ${args.join(" ")} exited with ${code} before ready`)));
    setTimeout(
      () => reject(new Error(`bench host ${args.join(" ")} not ready in ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    ).unref();
  });
  try {
    return { ...(await ready), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
