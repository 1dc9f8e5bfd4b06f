import { availableParallelism, cpus, loadavg } from "node:os";
import type { LoadOptions } from "./load.ts";
import { loadOptions } from "./options.ts";

/** What a benchmark body gets: its load options and a way to register clean-up. */
export interface BenchmarkContext {
  load: LoadOptions;
  /** Registers something to dispose when the benchmark ends, fails or is interrupted; returns it. */
  defer<T extends { dispose(): Promise<void> } | { close(): void }>(resource: T): T;
}

/**
 * Runs a benchmark body with a header (machine, load), disposing everything it deferred in
 * reverse order on success, failure or Ctrl-C, so no Worker, stand-in or database is left behind.
 */
export async function runBenchmark(title: string, body: (context: BenchmarkContext) => Promise<void>): Promise<void> {
  const load = loadOptions();
  const resources: Array<() => Promise<void> | void> = [];
  let disposing: Promise<void> | undefined;
  const disposeAll = () => {
    disposing ??= (async () => {
      for (const dispose of resources.reverse()) await Promise.resolve(dispose()).catch(() => {});
    })();
    return disposing;
  };
  const onSignal = () => void disposeAll().then(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  console.log(`\n## ${title}`);
  console.log(
    `${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? "unknown"}), load average ${loadavg()[0]!.toFixed(1)}, ` +
      `Node ${process.versions.node}; ` +
      `${load.concurrency} connections, ${load.durationMs / 1000} s or ${load.maxRequests} requests per row ` +
      `after ${load.warmupMs / 1000} s warm-up\n`,
  );
  try {
    await body({
      load,
      defer: (resource) => {
        resources.push("dispose" in resource ? () => resource.dispose() : () => resource.close());
        return resource;
      },
    });
  } finally {
    await disposeAll();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
