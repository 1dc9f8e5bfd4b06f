/**
 * Retrieval quality of the knowledge base on a labelled set written for this project
 * (bench/data/retrieval-set.json: 30 documents, 36 queries naming the documents a good search
 * returns), loaded next to the Codex (the 92 system documents every workspace holds, so every
 * query also has to beat realistic distractors). Prints recall@5 and MRR for the production path
 * minus Postgres — render, chunk,
 * upsert-data, workspace-filtered query per collection, hybrid rerank — across keyword weights,
 * candidate pools and chunk sizes, so the defaults in shared/knowledge are measured, not guessed.
 *
 * Runs against the local Vector stand-in (deterministic local embedding) unless
 * UPSTASH_VECTOR_REST_URL and UPSTASH_VECTOR_REST_TOKEN name a real index (one created with an
 * embedding model, so it embeds `data` itself); its vectors are written under a fresh workspace
 * id and deleted afterwards.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Index } from "@upstash/vector";
import { localSecrets } from "../local-stack/defaults.ts";
import { startVector } from "../local-stack/vector/index.ts";
import { type ChunkOptions, chunkDocument, DEFAULT_CHUNK_OPTIONS } from "../shared/knowledge/chunking.ts";
import { codexDocuments } from "../shared/knowledge/codex/documents.ts";
import { contentHash } from "../shared/knowledge/hashing.ts";
import { DEFAULT_KEYWORD_WEIGHT, hybridRank } from "../shared/knowledge/hybrid.ts";
import { type KnowledgeInputDraft, parseKnowledgeInput } from "../shared/knowledge/input.ts";
import { renderDocument } from "../shared/knowledge/render.ts";
import { CANDIDATE_FACTOR } from "../shared/knowledge/search.ts";
import { queryCollection, upsertChunks, type VectorRecord, vectorIdFor } from "../shared/knowledge/vector-store.ts";
import { COLLECTIONS, type Collection, DEFAULT_COLLECTION } from "../shared/knowledge/vocabulary.ts";
import { runBenchmark } from "./lib/index.ts";

interface LabelledSet {
  documents: (KnowledgeInputDraft & { id: string })[];
  queries: { query: string; expected: string[] }[];
}

interface Setting {
  label: string;
  keywordWeight: number;
  candidateFactor: number;
  chunks: ChunkOptions;
}

const K = 5;
const set = JSON.parse(await readFile(join(import.meta.dirname, "data/retrieval-set.json"), "utf8")) as LabelledSet;

await runBenchmark("knowledge retrieval quality (recall@5, MRR)", async ({ defer }) => {
  const { index, label } = await openIndex(defer);
  console.log(
    `index: ${label}; ${set.documents.length} labelled documents + ${codexDocuments().length} Codex distractors, ${set.queries.length} queries\n`,
  );

  const loaded = new Map<string, Promise<string>>();
  /** A workspace holding the set chunked with `chunks`, loaded once per chunk setting (concurrent callers share the load). */
  const workspaceFor = (chunks: ChunkOptions) => {
    const key = JSON.stringify(chunks);
    let workspace = loaded.get(key);
    if (!workspace) {
      const workspaceId = crypto.randomUUID();
      defer({ dispose: () => removeWorkspace(index, workspaceId) });
      workspace = load(index, workspaceId, chunks).then(() => workspaceId);
      loaded.set(key, workspace);
    }
    return workspace;
  };
  const evaluate = async (setting: Setting) => {
    const workspaceId = await workspaceFor(setting.chunks);
    const rankings = await Promise.all(set.queries.map((q) => rank(index, workspaceId, q.query, setting)));
    return { setting, ...score(rankings), rankings };
  };
  const print = (title: string, results: Awaited<ReturnType<typeof evaluate>>[]) => {
    console.log(`### ${title}`);
    console.log("setting                                   recall@5    MRR");
    for (const r of results)
      console.log(`${r.setting.label.padEnd(40)}  ${r.recall.toFixed(3).padStart(8)}  ${r.mrr.toFixed(3).padStart(5)}`);
    console.log("");
  };
  const base: Setting = {
    label: "",
    keywordWeight: DEFAULT_KEYWORD_WEIGHT,
    candidateFactor: CANDIDATE_FACTOR,
    chunks: DEFAULT_CHUNK_OPTIONS,
  };

  const weights = await Promise.all(
    [0, 0.15, DEFAULT_KEYWORD_WEIGHT, 0.5, 0.7].map((keywordWeight) =>
      evaluate({
        ...base,
        keywordWeight,
        label: `keyword weight ${keywordWeight}${keywordWeight === 0 ? " (vector only)" : ""}`,
      }),
    ),
  );
  print(`keyword boost (candidates ${CANDIDATE_FACTOR}× top-k, default chunks)`, weights);

  const pools = await Promise.all(
    [1, 2, CANDIDATE_FACTOR, 8].map((candidateFactor) =>
      evaluate({ ...base, candidateFactor, label: `candidates ${candidateFactor}× top-k` }),
    ),
  );
  print(`candidate pool (keyword weight ${DEFAULT_KEYWORD_WEIGHT})`, pools);

  const sizes = await Promise.all(
    [
      { maxChars: 300, overlapChars: 50, minChars: 100 },
      { maxChars: 500, overlapChars: 75, minChars: 150 },
      DEFAULT_CHUNK_OPTIONS,
      { maxChars: 2_000, overlapChars: 300, minChars: 600 },
    ].map((chunks) =>
      evaluate({ ...base, chunks, label: `chunks ${chunks.maxChars}/${chunks.overlapChars}/${chunks.minChars}` }),
    ),
  );
  print("chunk size max/overlap/min (defaults otherwise)", sizes);

  const chosen = weights.find((r) => r.setting.keywordWeight === DEFAULT_KEYWORD_WEIGHT)!;
  const misses = set.queries.flatMap((q, i) => {
    const top = chosen.rankings[i]!.slice(0, K);
    const missing = q.expected.filter((id) => !top.includes(id));
    return missing.length === 0 ? [] : [`  "${q.query}": missing ${missing.join(", ")}; top ${K}: ${top.join(", ")}`];
  });
  console.log(`### misses with the defaults (${misses.length} of ${set.queries.length} queries)`);
  console.log(misses.join("\n") || "  none");
});

async function openIndex(defer: (resource: { dispose(): Promise<void> }) => unknown) {
  const url = process.env.UPSTASH_VECTOR_REST_URL;
  const token = process.env.UPSTASH_VECTOR_REST_TOKEN;
  if (url && token) return { index: new Index({ url, token }), label: `Upstash Vector at ${new URL(url).host}` };
  const dataDir = await mkdtemp(join(tmpdir(), "raptorflow-bench-vector-"));
  defer({ dispose: () => rm(dataDir, { recursive: true, force: true }) });
  const token0 = localSecrets.UPSTASH_VECTOR_REST_TOKEN;
  const standIn = await startVector({ port: 0, host: "127.0.0.1", token: token0, dataDir });
  defer({ dispose: () => standIn.close() });
  return {
    index: new Index({ url: standIn.url, token: token0 }),
    label: "local stand-in, deterministic local embedding",
  };
}

/** Ingests the set as the knowledge module does, minus the Postgres rows. */
async function load(index: Index, workspaceId: string, chunks: ChunkOptions) {
  const byCollection = new Map<Collection, VectorRecord[]>();
  const createdAt = new Date().toISOString();
  const documents = [
    ...set.documents.map(({ id, ...draft }) => ({ id, input: parseKnowledgeInput(draft) })),
    ...codexDocuments().map((input, i) => ({ id: `codex-${i}`, input })),
  ];
  for (const { id, input } of documents) {
    const collection = input.collection ?? DEFAULT_COLLECTION[input.document.template];
    for (const chunk of chunkDocument(renderDocument(input.title, input.document), chunks)) {
      const hash = await contentHash(chunk.text);
      const records = byCollection.get(collection) ?? [];
      records.push({
        id: vectorIdFor(workspaceId, hash),
        text: chunk.text,
        metadata: {
          workspace_id: workspaceId,
          collection,
          template: input.document.template,
          category: input.category,
          source: "bench",
          created_at: createdAt,
          content_hash: hash,
          document_id: id,
          chunk_index: chunk.index,
          title: input.title,
        },
      });
      byCollection.set(collection, records);
    }
  }
  for (const [collection, records] of byCollection) await upsertChunks(index, collection, records);
  await settled(index);
}

/** A real index indexes asynchronously: wait until nothing is pending. */
async function settled(index: Index) {
  for (let i = 0; i < 120; i++) {
    if ((await index.info()).pendingVectorCount === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Document ids in ranked order (a document counts once, at its best chunk). */
async function rank(index: Index, workspaceId: string, query: string, setting: Setting): Promise<string[]> {
  const topK = K * 2;
  const candidates = setting.keywordWeight === 0 ? topK : topK * setting.candidateFactor;
  const hits = (
    await Promise.all(
      COLLECTIONS.map((collection) =>
        queryCollection(index, collection, { query, topK: candidates, filter: { workspaceId }, includeText: true }),
      ),
    )
  ).flat();
  const ranked = hybridRank(
    query,
    hits.map((hit) => ({ ...hit, text: hit.text ?? "", vectorScore: hit.score })),
    setting.keywordWeight,
  );
  return [...new Set(ranked.map((hit) => hit.metadata.document_id))];
}

/** Mean recall@5 (share of a query's expected documents in its top 5) and MRR (first expected document). */
function score(rankings: string[][]) {
  let recall = 0;
  let reciprocal = 0;
  set.queries.forEach((q, i) => {
    const ranking = rankings[i]!;
    const top = ranking.slice(0, K);
    recall += q.expected.filter((id) => top.includes(id)).length / q.expected.length;
    const first = ranking.findIndex((id) => q.expected.includes(id));
    reciprocal += first === -1 ? 0 : 1 / (first + 1);
  });
  return { recall: recall / set.queries.length, mrr: reciprocal / set.queries.length };
}

async function removeWorkspace(index: Index, workspaceId: string) {
  for (const collection of COLLECTIONS) {
    await index
      .namespace(collection)
      .delete({ prefix: `${workspaceId}:` })
      .catch(() => {});
  }
}
