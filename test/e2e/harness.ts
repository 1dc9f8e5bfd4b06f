import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { unstable_startWorker } from "wrangler";
import { localDatabase } from "../../local-stack/defaults.ts";
import { type LocalStack, startLocalStack } from "../../local-stack/index.ts";

const projectRoot = resolve(import.meta.dirname, "../..");
const RELOAD_TIMEOUT_MS = 30_000;

/** A Worker served by wrangler on a real 127.0.0.1 port. */
export interface RunningWorker {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** `fetch` relative to the Worker's URL (`worker.fetch("/health")`). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}

/** The Worker on a port, wired to a local stack of its own. */
export interface Harness extends RunningWorker {
  stack: LocalStack;
}

export interface WorkerOnPortOptions {
  /** Path of the wrangler config (relative to the project root or absolute). */
  config: string;
  /** Plain-text vars and secrets; they override the config's `[vars]` and `.dev.vars`. */
  vars?: Record<string, string>;
  /** A var set to the Worker's own URL once its port is known (e.g. `PUBLIC_BASE_URL`). */
  selfUrlVar?: string;
  /** Local connection string for each Hyperdrive binding, by binding name. */
  hyperdrive?: Record<string, string>;
  /** Directory for Durable Object / KV state (default: wrangler's `.wrangler/state`). */
  persistTo?: string;
  logLevel?: "none" | "error" | "warn" | "info" | "log" | "debug";
}

/**
 * Starts a Worker with wrangler's programmatic API on an ephemeral port: no watcher, no
 * inspector, no dev registry. Input `bindings` replace the config's bindings of the same name.
 */
export async function startWorkerOnPort(options: WorkerOnPortOptions): Promise<RunningWorker> {
  offline();
  const worker = await unstable_startWorker({
    config: resolve(projectRoot, options.config),
    bindings: toBindings(options.vars ?? {}, options.hyperdrive ?? {}),
    dev: {
      server: { hostname: "127.0.0.1", port: 0 },
      inspector: false,
      watch: false,
      logLevel: options.logLevel ?? "warn",
      ...(options.persistTo ? { persist: options.persistTo } : {}),
    },
  });
  try {
    await worker.ready;
    const url = (await worker.url).origin;
    if (options.selfUrlVar) {
      // The port is only known once listening; a config patch reloads the Worker on the same port.
      const reloaded = once(worker.raw, "reloadComplete", { signal: AbortSignal.timeout(RELOAD_TIMEOUT_MS) });
      const vars = { ...options.vars, [options.selfUrlVar]: url };
      await worker.patchConfig({ bindings: toBindings(vars, options.hyperdrive ?? {}) });
      await reloaded;
    }
    return {
      url,
      fetch: (path, init) => fetch(new URL(path, url), init),
      dispose: () => worker.dispose(),
    };
  } catch (error) {
    await worker.dispose().catch(() => {});
    throw error;
  }
}

type Bindings = NonNullable<Parameters<typeof unstable_startWorker>[0]["bindings"]>;

/** Input bindings in the shape wrangler derives from `[vars]` and `[[hyperdrive]]`. */
function toBindings(vars: Record<string, string>, hyperdrive: Record<string, string>): Bindings {
  const bindings: Bindings = {};
  for (const [name, value] of Object.entries(vars)) bindings[name] = { type: "plain_text", value };
  for (const [name, localConnectionString] of Object.entries(hyperdrive)) {
    bindings[name] = { type: "hyperdrive", id: "0".repeat(32), localConnectionString };
  }
  return bindings;
}

export interface HarnessOptions {
  /** Suffix of the database name, so concurrent harnesses never share one. */
  name?: string;
  /** Extra vars for the Worker (e.g. `ENVIRONMENT`). */
  vars?: Record<string, string>;
  logLevel?: WorkerOnPortOptions["logLevel"];
}

/**
 * Starts a fresh local stack (own database, ephemeral ports, fast QStash retries) and the
 * project's Worker on a port pointed at it. `PUBLIC_BASE_URL` is the Worker's own URL, so QStash
 * deliveries come back to this Worker.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const name = options.name ?? `e2e_${process.pid}`;
  const stateDir = await mkdtemp(join(tmpdir(), "raptorflow-e2e-"));
  const stack = await startLocalStack({
    database: `${localDatabase.testName}_${name}`,
    fresh: true,
    ephemeralPorts: true,
    qstashBackoffScale: 0.001,
    qstashKeyPrefix: name,
    stateDir,
  });
  const cleanUp = async () => {
    await stack.close({ dropDatabase: true });
    await rm(stateDir, { recursive: true, force: true });
  };
  try {
    const worker = await startWorkerOnPort({
      config: "wrangler.toml",
      vars: { ...stack.bindings, ENVIRONMENT: "test", ...options.vars },
      selfUrlVar: "PUBLIC_BASE_URL",
      hyperdrive: { HYPERDRIVE: stack.databaseUrl },
      persistTo: join(stateDir, "wrangler"),
      logLevel: options.logLevel,
    });
    await untilSteady(worker.fetch);
    return {
      ...worker,
      stack,
      dispose: async () => {
        await worker.dispose();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp().catch(() => {});
    throw error;
  }
}

/**
 * Waits for five consecutive healthy answers: right after start wrangler may still be applying the
 * config patch, and a request caught by that reload dies mid-flight ("Your worker restarted
 * mid-request"), which would fail whichever test happened to send it.
 */
async function untilSteady(fetchWorker: (path: string) => Promise<Response>): Promise<void> {
  const deadline = Date.now() + 30_000;
  let steady = 0;
  while (steady < 5) {
    if (Date.now() > deadline) throw new Error("the Worker did not answer /health steadily within 30 s");
    const ok = await fetchWorker("/health")
      .then(
        async (res) => res.ok && (res.headers.get("content-type") ?? "").includes("json") && (await res.text()) !== "",
      )
      .catch(() => false);
    steady = ok ? steady + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Stops wrangler/miniflare reaching out to Cloudflare (Request.cf, telemetry) from tests and benches. */
function offline() {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
  process.env.WRANGLER_SEND_METRICS ??= "false";
}
