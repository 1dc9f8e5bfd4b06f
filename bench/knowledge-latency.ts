/**
 * Knowledge search latency in the local Vector stand-in as the collection grows: p50/p99 of one
 * workspace-filtered query (the production `queryCollection`: filter built by the knowledge
 * module, the Upstash SDK, the stand-in's exact search) at 1k, 10k and 100k vectors, and how
 * each size compares with 1k. Vectors are spread over ten workspaces, so every query filters
 * out nine tenths of the collection, as a shared namespace does in production.
 *
 * One query at a time: the stand-in is single-threaded brute force, so concurrent queries would
 * measure queueing, not search. It runs in this process (as in tests), so client and server
 * share the event loop; the growth between sizes is the result, not the absolute figures.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Index } from "@upstash/vector";
import { localSecrets } from "../local-stack/defaults.ts";
import { startVector } from "../local-stack/vector/index.ts";
import { queryCollection, upsertChunks, type VectorRecord } from "../shared/knowledge/vector-store.ts";
import { CATEGORIES } from "../shared/knowledge/vocabulary.ts";
import { measure, printRatios, type Row, runBenchmark } from "./lib/index.ts";

const SIZES = [1_000, 10_000, 100_000];
const WORKSPACES = 10;
const BATCH = 1_000;
/** What a search asks each collection for: the API's default top_k (5) times the candidate factor (4). */
const TOP_K = 20;
const COLLECTION = "industry_research";

// A fixed marketing vocabulary and a seeded generator: every run indexes the same texts.
const WORDS = (
  "campaign budget audience launch pricing competitor brand voice channel email social search video creator " +
  "retargeting conversion click headline landing page trial subscription discount renewal churn persona segment " +
  "market trend forecast signal sentiment review partnership retail media cookie privacy consent attribution " +
  "funnel awareness loyalty referral webinar podcast influencer disclosure policy compliance legal approval"
).split(" ");

function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(random: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
}

await runBenchmark(
  "knowledge search latency: 1k → 10k → 100k vectors (local Vector stand-in)",
  async ({ load, defer }) => {
    const dataDir = await mkdtemp(join(tmpdir(), "raptorflow-bench-vector-"));
    defer({ dispose: () => rm(dataDir, { recursive: true, force: true }) });
    const token = localSecrets.UPSTASH_VECTOR_REST_TOKEN;
    const standIn = await startVector({ port: 0, host: "127.0.0.1", token, dataDir });
    defer({ dispose: () => standIn.close() });
    const index = new Index({ url: standIn.url, token });
    const workspaces = Array.from({ length: WORKSPACES }, () => crypto.randomUUID());
    const random = generator(20_261_122);
    const createdAt = new Date().toISOString();

    let indexed = 0;
    const grow = async (target: number) => {
      const started = performance.now();
      while (indexed < target) {
        const records: VectorRecord[] = Array.from({ length: Math.min(BATCH, target - indexed) }, (_, i) => {
          const n = indexed + i;
          const workspaceId = workspaces[n % WORKSPACES]!;
          return {
            id: `${workspaceId}:${n.toString(16).padStart(64, "0")}`,
            text: sentence(random, 30),
            metadata: {
              workspace_id: workspaceId,
              collection: COLLECTION,
              template: "market_intelligence",
              category: CATEGORIES[n % CATEGORIES.length]!,
              source: "bench",
              created_at: createdAt,
              content_hash: n.toString(16).padStart(64, "0"),
              document_id: crypto.randomUUID(),
              chunk_index: 0,
              title: `Synthetic ${n}`,
            },
          };
        });
        await upsertChunks(index, COLLECTION, records);
        indexed += records.length;
      }
      return performance.now() - started;
    };

    const rows: Row[] = [];
    for (const size of SIZES) {
      const ingestMs = await grow(size);
      console.log(
        `indexed ${size} vectors (${(ingestMs / 1000).toFixed(1)} s for the last ${size - (rows.length ? SIZES[rows.length - 1]! : 0)})`,
      );
      const workspaceId = workspaces[0]!;
      rows.push(
        await measure(
          `${size / 1_000}k vectors`,
          () =>
            queryCollection(index, COLLECTION, { query: sentence(random, 6), topK: TOP_K, filter: { workspaceId } }),
          { ...load, concurrency: 1 },
        ),
      );
    }
    console.log("");
    printRatios(rows, `${SIZES[0]! / 1_000}k vectors`);
    const [first, last] = [rows[0]!, rows.at(-1)!];
    console.log(
      `\n${SIZES.at(-1)! / SIZES[0]!}× the vectors → p50 ${(last.p50 / first.p50).toFixed(1)}×, p99 ${(last.p99 / first.p99).toFixed(1)}×` +
        " (exact search: linear in the collection, filter included)",
    );
  },
);
