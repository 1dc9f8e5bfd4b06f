/**
 * `npm run bench -- health`: GET /health (the whole middleware chain, no I/O) and GET /health/db
 * (plus a Postgres round trip through Hyperdrive) against a bare Hono Worker answering "hello",
 * all served by wrangler on 127.0.0.1 in the same run, measured in interleaved rounds.
 */
import {
  httpClient,
  measureAll,
  printRatios,
  runBenchmark,
  startFixtureWorker,
  startProjectWorker,
} from "./lib/index.ts";

const BASELINE = "hello-worker GET /";

await runBenchmark("health: our Worker vs a bare Hono Worker", async ({ load, defer }) => {
  const hello = defer(await startFixtureWorker("hello-worker"));
  const ours = defer(await startProjectWorker());
  const helloClient = defer(httpClient(hello.url, { connections: load.concurrency }));
  const ourClient = defer(httpClient(ours.url, { connections: load.concurrency }));

  const rows = await measureAll(
    [
      { name: BASELINE, fn: () => helloClient.get("/") },
      { name: "ours GET /health", fn: () => ourClient.get("/health") },
      { name: "ours GET /health/db", fn: () => ourClient.get("/health/db") },
    ],
    load,
  );
  printRatios(rows, BASELINE);
});
