import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { access, copyFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { localDatabase, localPorts, localRedisUrl } from "./defaults.ts";
import { type LocalStack, startLocalStack } from "./index.ts";

const workerUrl = `http://127.0.0.1:${localPorts.worker}`;
/** How long wrangler gets to tear workerd down before it is killed. */
const WRANGLER_GRACE_MS = 5_000;
const READY_TIMEOUT_MS = 120_000;

/**
 * `npm run dev`: Postgres (server or PGlite) migrated and seeded, the Upstash stand-ins on their
 * well-known ports, then `wrangler dev` with its Hyperdrive binding pointed at that database.
 * Ctrl-C (or wrangler's own `x`) stops wrangler first, then the stand-ins, then exits.
 */
async function main() {
  await ensureDevVars();
  await assertPortsFree([localPorts.worker, localPorts.redisRest, localPorts.qstash, localPorts.vector]);

  const starting = startLocalStack({ database: localDatabase.devName, stateDir: ".local-stack" });
  let wrangler: ChildProcess | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (exitCode: number, signal?: NodeJS.Signals) => {
    stopping ??= (async () => {
      if (wrangler) await stopWrangler(wrangler, signal === "SIGINT");
      // A signal during startup waits for the stack to finish starting, then closes it.
      const stack = await starting.catch(() => undefined);
      await stack?.close();
      log("stopped");
      process.exit(exitCode);
    })();
    return stopping;
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (stopping) return forceExit(wrangler);
      log(`${signal}: stopping wrangler and the stand-ins (again to force)`);
      void stop(0, signal);
    });
  }

  let stack: LocalStack;
  try {
    stack = await starting;
  } catch (error) {
    log(`the local stack did not start: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.cause) console.error(error.cause);
    log(
      `it needs Redis at ${localRedisUrl} (REDIS_URL) and Postgres at ${redact(localDatabase.server)} (DATABASE_URL) or PGlite`,
    );
    return stop(1);
  }
  if (stopping) return;

  wrangler = startWrangler(stack.databaseUrl, process.argv.slice(2));
  wrangler.once("exit", (code, signal) => {
    if (!stopping) log(`wrangler exited (${signal ?? `code ${code}`})`);
    void stop(code ?? 0);
  });

  const readiness = await waitForWorker(wrangler);
  if (readiness && !stopping) printSummary(stack, readiness);
}

/** Runs wrangler's own bin with this Node (no npx/npm layers between the signals and wrangler). */
function startWrangler(databaseUrl: string, extraArgs: string[]): ChildProcess {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve("wrangler/package.json");
  const { bin } = require(packageJsonPath) as { bin: Record<string, string> };
  const binPath = join(dirname(packageJsonPath), bin.wrangler!);
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(localPorts.worker), ...extraArgs];
  return spawn(process.execPath, [binPath, ...args], {
    stdio: "inherit",
    env: {
      ...process.env,
      CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: databaseUrl,
      // Everything is local: skip the Request.cf download and telemetry unless asked for.
      CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? "false",
      WRANGLER_SEND_METRICS: process.env.WRANGLER_SEND_METRICS ?? "false",
    },
  });
}

/**
 * Lets wrangler dispose workerd itself, SIGKILL last. A terminal's Ctrl-C already reached it (same
 * process group), so after SIGINT it is only signalled if it is still running a moment later.
 */
async function stopWrangler(wrangler: ChildProcess, alreadySignalled: boolean) {
  if (wrangler.exitCode !== null || wrangler.signalCode !== null) return;
  const exited = once(wrangler, "exit");
  const within = (ms: number) =>
    Promise.race([exited.then(() => true), new Promise<boolean>((done) => setTimeout(() => done(false), ms).unref())]);
  if (alreadySignalled && (await within(1_000))) return;
  wrangler.kill("SIGTERM");
  if (await within(WRANGLER_GRACE_MS)) return;
  log(`wrangler did not stop within ${WRANGLER_GRACE_MS} ms; killing it`);
  wrangler.kill("SIGKILL");
  await exited;
}

function forceExit(wrangler: ChildProcess | undefined) {
  log("forced exit");
  wrangler?.kill("SIGKILL");
  process.exit(130);
}

interface Readiness {
  status: number;
  down: string[];
}

/** Polls /health/ready until the Worker answers (any status), wrangler exits, or time runs out. */
async function waitForWorker(wrangler: ChildProcess): Promise<Readiness | undefined> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && wrangler.exitCode === null && wrangler.signalCode === null) {
    try {
      const response = await fetch(`${workerUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) });
      const body = (await response.json().catch(() => ({}))) as { checks?: Array<{ name: string; status: string }> };
      const down = (body.checks ?? []).filter((check) => check.status !== "up").map((check) => check.name);
      return { status: response.status, down };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  if (wrangler.exitCode === null) log(`the Worker did not answer within ${READY_TIMEOUT_MS / 1000} s`);
  return undefined;
}

function printSummary(stack: LocalStack, readiness: Readiness) {
  const state =
    readiness.status === 200 ? "ready" : `NOT ready (${readiness.status}; down: ${readiness.down.join(", ") || "?"})`;
  const rows: Array<[string, string]> = [
    ["Worker", `${workerUrl}  (${state})`],
    ["API docs", `${workerUrl}/docs`],
    ["Postgres", redact(stack.databaseUrl)],
    ["Redis REST", stack.urls.redisRest],
    ["QStash", stack.urls.qstash],
    ["Vector", stack.urls.vector],
  ];
  const lines = rows.map(([name, value]) => `  ${name.padEnd(10)} ${value}`);
  console.log(["", "RaptorFlow Codex local stack", ...lines, "  Ctrl-C stops everything.", ""].join("\n"));
}

/** wrangler reads secrets from .dev.vars; a fresh clone gets the public local defaults. */
async function ensureDevVars() {
  try {
    await access(".dev.vars");
  } catch {
    await copyFile(".dev.vars.example", ".dev.vars");
    log("created .dev.vars from .dev.vars.example");
  }
}

/** Fails fast, naming the port, when another `npm run dev` (or anything else) holds one. */
async function assertPortsFree(ports: number[]) {
  for (const port of ports) {
    const server = createServer();
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => resolve());
      });
    } catch (error) {
      log(
        `port ${port} on 127.0.0.1 is in use (${(error as NodeJS.ErrnoException).code}); is \`npm run dev\` running?`,
      );
      process.exit(1);
    }
    await new Promise((resolve) => server.close(resolve));
  }
}

function redact(url: string): string {
  return url.replace(/:[^:@/]+@/, ":***@");
}

function log(message: string) {
  console.log(`[dev] ${message}`);
}

await main();
