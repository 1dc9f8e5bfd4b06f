import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Index } from "@upstash/vector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localSecrets } from "../../local-stack/defaults.ts";
import { startVector } from "../../local-stack/vector/index.ts";

/**
 * Contract of the Upstash Vector REST API, driven through `@upstash/vector`.
 *
 * The target is chosen once, here: the local stand-in by default; the real index when
 * CONTRACT_TARGET=real and UPSTASH_VECTOR_REST_URL/UPSTASH_VECTOR_REST_TOKEN are set (the suite is
 * skipped if CONTRACT_TARGET=real lacks them). Against the real index every test writes only to
 * namespaces unique to this run and deletes them afterwards; tests that would touch the default
 * namespace or the whole index (reset all, persistence) run locally only.
 */
const wantsReal = process.env.CONTRACT_TARGET === "real";
const realUrl = process.env.UPSTASH_VECTOR_REST_URL;
const realToken = process.env.UPSTASH_VECTOR_REST_TOKEN;
const target: "local" | "real" | "skip" = wantsReal ? (realUrl && realToken ? "real" : "skip") : "local";
const isLocal = target === "local";

interface Connection {
  url: string;
  token: string;
  close(): Promise<void>;
}

async function connect(): Promise<Connection> {
  if (target === "real") return { url: realUrl!, token: realToken!, close: async () => {} };
  const dataDir = await mkdtemp(join(tmpdir(), "vector-contract-"));
  const token = localSecrets.UPSTASH_VECTOR_REST_TOKEN;
  const standIn = await startVector({ port: 0, token, dataDir });
  return {
    url: standIn.url,
    token,
    close: async () => {
      await standIn.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function client(url: string, token: string): Index {
  return new Index({ url, token, retry: false, enableTelemetry: false });
}

/** Quotes a value for a filter the way the app must: backslashes first, then single quotes. */
function quote(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

describe.skipIf(target === "skip")(`Upstash Vector contract (${target})`, () => {
  const run = `contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  let connection: Connection;
  let index: Index;
  let dimension: number;

  /** The real index applies writes asynchronously; wait until nothing is pending. */
  async function settle(): Promise<void> {
    if (isLocal) return;
    for (let attempt = 0; attempt < 60; attempt++) {
      if ((await index.info()).pendingVectorCount === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** A unit-ish vector along axis `i`, with a small tail so neighbouring axes are not orthogonal. */
  function axis(i: number): number[] {
    const vector = new Array<number>(dimension).fill(0);
    vector[i % dimension] = 1;
    vector[(i + 1) % dimension] = 0.1;
    return vector;
  }

  beforeAll(async () => {
    connection = await connect();
    index = client(connection.url, connection.token);
    dimension = (await index.info()).dimension;
  });

  afterAll(async () => {
    if (!index) return;
    for (const namespace of await index.listNamespaces()) {
      if (namespace.startsWith(run)) await index.deleteNamespace(namespace);
    }
    await connection.close();
  });

  describe("auth and envelope", () => {
    it("refuses a wrong token with 401 and the error envelope", async () => {
      const response = await fetch(`${connection.url}/info`, { headers: { authorization: "Bearer wrong" } });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: string; status: number };
      expect(body.status).toBe(401);
      expect(typeof body.error).toBe("string");
      await expect(client(connection.url, "wrong").info()).rejects.toThrow();
    });

    it("answers a wrong dimension with a 4xx error", async () => {
      const ns = index.namespace(`${run}-dims`);
      await expect(ns.upsert({ id: "a", vector: [0.1, 0.2] })).rejects.toThrow(/dimension/i);
      await expect(ns.query({ vector: [0.1, 0.2], topK: 1 })).rejects.toThrow(/dimension/i);
      const response = await fetch(`${connection.url}/upsert/${run}-dims`, {
        method: "POST",
        headers: { authorization: `Bearer ${connection.token}` },
        body: JSON.stringify({ id: "a", vector: [0.1, 0.2] }),
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    });
  });

  describe("vectors", () => {
    const name = () => `${run}-vectors`;

    it("upserts, fetches by id and prefix, with metadata, vectors and data on request", async () => {
      const ns = index.namespace(name());
      await ns.upsert([
        { id: "doc-1", vector: axis(0), metadata: { kind: "a" } },
        { id: "doc-2", vector: axis(1), metadata: { kind: "b" } },
        { id: 7, vector: axis(2) },
      ]);
      await ns.upsert({ id: "other", vector: axis(3).map((x) => x * 0.1), metadata: { kind: "c" } });
      await settle();

      const fetched = await ns.fetch(["doc-1", "missing", "7"], { includeMetadata: true, includeVectors: true });
      expect(fetched).toEqual([
        { id: "doc-1", vector: axis(0), metadata: { kind: "a" } },
        null,
        { id: "7", vector: axis(2) },
      ]);
      const bare = await ns.fetch(["doc-2"]);
      expect(bare).toEqual([{ id: "doc-2" }]);
      // Float32 storage, returned as the shortest decimal that reads back the same: 0.1 stays 0.1.
      const scaled = await ns.fetch(["other"], { includeVectors: true });
      expect(scaled[0]?.vector?.slice(3, 5)).toEqual([0.1, 0.01]);
      const byPrefix = await ns.fetch({ prefix: "doc-" }, { includeMetadata: true });
      expect(byPrefix.map((v) => v?.id).sort()).toEqual(["doc-1", "doc-2"]);
    });

    it("queries nearest first with Upstash's normalised cosine score", async () => {
      const ns = index.namespace(name());
      const results = await ns.query({ vector: axis(0), topK: 2, includeMetadata: true });
      expect(results.map((r) => r.id)).toEqual(["doc-1", "doc-2"]);
      expect(results[0]).toMatchObject({ id: "doc-1", score: 1, metadata: { kind: "a" } });
      // axis(0)·axis(1) = 0.1 over norms √1.01 each: cos ≈ 0.099, score = (1 + cos) / 2.
      const second = await ns.query({ vector: axis(1), topK: 3, includeVectors: true });
      expect(second[0]).toMatchObject({ id: "doc-2", score: 1, vector: axis(1) });
      const neighbour = second.find((r) => r.id === "doc-1");
      expect(neighbour?.score).toBeCloseTo((1 + 0.1 / 1.01) / 2, 5);
      const filtered = await ns.query({ vector: axis(0), topK: 5, filter: "kind = 'b'" });
      expect(filtered.map((r) => r.id)).toEqual(["doc-2"]);
    });

    it("answers queryMany with one list per query", async () => {
      const ns = index.namespace(name());
      const results = await index.queryMany(
        [
          { vector: axis(0), topK: 1 },
          { vector: axis(1), topK: 1 },
        ],
        { namespace: name() },
      );
      expect(results.map((list) => list.map((r) => r.id))).toEqual([["doc-1"], ["doc-2"]]);
      const single = await index.queryMany([{ vector: axis(2), topK: 1 }], { namespace: name() });
      expect(single.map((list) => list.map((r) => r.id))).toEqual([["7"]]);
      expect(await ns.query({ vector: axis(0), topK: 1 })).toHaveLength(1);
    });

    it("updates metadata (overwrite and RFC 7396 patch), vector and data", async () => {
      const ns = index.namespace(name());
      await ns.upsert({ id: "u", vector: axis(4), metadata: { a: 1, b: { c: 2, d: 3 } }, data: "before" });
      await settle();
      expect(
        await ns.update({ id: "u", metadata: { b: { c: 9, d: null }, e: true }, metadataUpdateMode: "PATCH" }),
      ).toEqual({
        updated: 1,
      });
      await settle();
      expect((await ns.fetch(["u"], { includeMetadata: true }))[0]?.metadata).toEqual({ a: 1, b: { c: 9 }, e: true });
      await ns.update({ id: "u", metadata: { only: "this" } });
      await ns.update({ id: "u", vector: axis(5) });
      await settle();
      expect(await ns.fetch(["u"], { includeMetadata: true, includeVectors: true, includeData: true })).toEqual([
        { id: "u", vector: axis(5), metadata: { only: "this" }, data: "before" },
      ]);
      expect(await ns.update({ id: "nobody", metadata: { x: 1 } })).toEqual({ updated: 0 });
    });

    it("pages through range with an offset cursor and an optional prefix", async () => {
      const ns = index.namespace(`${run}-range`);
      await ns.upsert(Array.from({ length: 7 }, (_, i) => ({ id: `r-${i}`, vector: axis(i), metadata: { i } })));
      await ns.upsert({ id: "s-0", vector: axis(9) });
      await settle();
      const seen: string[] = [];
      let cursor: string | number = 0;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof ns.range>> = await ns.range({ cursor, limit: 3, includeMetadata: true });
        seen.push(...page.vectors.map((v) => v.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== "" && pages < 10);
      expect(seen.sort()).toEqual(["r-0", "r-1", "r-2", "r-3", "r-4", "r-5", "r-6", "s-0"]);
      expect(pages).toBe(3);
      const first = await ns.range({ cursor: 0, limit: 5 });
      expect(first.nextCursor).toBe("5");
      const prefixed = await ns.range({ cursor: 0, limit: 10, prefix: "s-" });
      expect(prefixed).toEqual({ nextCursor: "", vectors: [{ id: "s-0" }] });
    });

    it("deletes by id, ids, prefix and filter, counting what existed", async () => {
      const ns = index.namespace(`${run}-delete`);
      await ns.upsert(
        ["a-1", "a-2", "b-1", "b-2", "c-1", "c-2"].map((id, i) => ({
          id,
          vector: axis(i),
          metadata: { group: id[0]!, i },
        })),
      );
      await settle();
      expect(await ns.delete("a-1")).toEqual({ deleted: 1 });
      expect(await ns.delete(["a-2", "a-2", "zzz"])).toEqual({ deleted: 1 });
      expect(await ns.delete({ prefix: "b-" })).toEqual({ deleted: 2 });
      expect(await ns.delete({ filter: "group = 'c' AND i >= 5" })).toEqual({ deleted: 1 });
      expect(await ns.delete(["a-1"])).toEqual({ deleted: 0 });
      await settle();
      expect((await ns.range({ cursor: 0, limit: 10 })).vectors.map((v) => v.id)).toEqual(["c-1"]);
    });
  });

  describe("namespaces, info and reset", () => {
    it("reports per-namespace counts, dimension and similarity", async () => {
      const ns = index.namespace(`${run}-info`);
      await ns.upsert([1, 2, 3].map((i) => ({ id: `i-${i}`, vector: axis(i) })));
      await settle();
      const info = await index.info();
      expect(info.dimension).toBe(dimension);
      expect(info.similarityFunction).toBe("COSINE");
      expect(info.namespaces[`${run}-info`]).toEqual({ vectorCount: 3, pendingVectorCount: 0 });
      expect(info.vectorCount).toBeGreaterThanOrEqual(3);
      expect(info.indexSize).toBeGreaterThan(0);
      expect(await index.listNamespaces()).toEqual(expect.arrayContaining(["", `${run}-info`]));
    });

    it("resets one namespace without touching another", async () => {
      const keep = index.namespace(`${run}-keep`);
      const wipe = index.namespace(`${run}-wipe`);
      await keep.upsert({ id: "k", vector: axis(1) });
      await wipe.upsert({ id: "w", vector: axis(2) });
      await settle();
      expect(await wipe.reset()).toBe("Success");
      await settle();
      expect(await wipe.fetch(["w"])).toEqual([null]);
      expect(await keep.fetch(["k"])).toEqual([{ id: "k" }]);
    });

    it("deletes a namespace, refuses the default one and unknown ones", async () => {
      const name = `${run}-doomed`;
      await index.namespace(name).upsert({ id: "d", vector: axis(1) });
      await settle();
      expect(await index.listNamespaces()).toContain(name);
      expect(await index.deleteNamespace(name)).toBe("Success");
      expect(await index.listNamespaces()).not.toContain(name);
      await expect(index.deleteNamespace(name)).rejects.toThrow();
      await expect(index.deleteNamespace("")).rejects.toThrow();
    });
  });

  describe("text (upsert-data and query-data)", () => {
    it("embeds text, stores it as data and ranks similar text first", async () => {
      const ns = index.namespace(`${run}-text`);
      await ns.upsert([
        { id: "fox", data: "The quick brown fox jumps over the lazy dog", metadata: { topic: "animals" } },
        { id: "budget", data: "Quarterly marketing budget and revenue forecast", metadata: { topic: "finance" } },
        {
          id: "launch",
          data: "Product launch campaign timeline for the marketing team",
          metadata: { topic: "marketing" },
        },
      ]);
      await settle();
      const results = await ns.query({
        data: "a quick brown fox jumped over a lazy dog",
        topK: 3,
        includeData: true,
        includeMetadata: true,
      });
      expect(results[0]).toMatchObject({ id: "fox", data: "The quick brown fox jumps over the lazy dog" });
      expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
      const marketing = await ns.query({
        data: "marketing campaign launch plan",
        topK: 1,
        filter: "topic != 'finance'",
      });
      expect(marketing.map((r) => r.id)).toEqual(["launch"]);
      const fetched = await ns.fetch(["budget"], { includeData: true, includeVectors: true });
      expect(fetched[0]?.data).toBe("Quarterly marketing budget and revenue forecast");
      expect(fetched[0]?.vector).toHaveLength(dimension);
    });
  });

  describe("metadata filters", () => {
    const name = () => `${run}-filters`;
    const docs = [
      {
        id: "f1",
        metadata: {
          name: "Istanbul",
          country: "Turkey",
          population: 15460000,
          is_capital: false,
          tags: ["tourism", "textiles"],
          geo: { continent: "Asia", coords: { lat: 41 } },
          tier: "gold",
          stock: 0,
        },
      },
      {
        id: "f2",
        metadata: {
          name: "Ankara",
          country: "Turkey",
          population: 5700000,
          is_capital: true,
          tags: ["government"],
          geo: { continent: "Asia" },
          tier: "silver",
          stock: 3,
        },
      },
      {
        id: "f3",
        metadata: {
          name: "Berlin",
          country: "Germany",
          population: 3600000,
          is_capital: true,
          tags: ["tech", "sale"],
          geo: { continent: "Europe", coords: { lat: 52.5 } },
          tier: "bronze",
          stock: 0,
        },
      },
      {
        id: "f4",
        metadata: {
          name: "Zurich",
          country: "Switzerland",
          population: 420000,
          is_capital: false,
          tags: [],
          geo: { continent: "Europe" },
          tier: "gold",
          stock: 10,
          note: `it's "quoted"`,
        },
      },
      { id: "f5" },
    ];

    async function matching(filter: string): Promise<string[]> {
      const results = await index.namespace(name()).query({ vector: axis(0), topK: 50, filter });
      return results.map((r) => String(r.id)).sort();
    }

    beforeAll(async () => {
      await index.namespace(name()).upsert(docs.map((doc) => ({ ...doc, vector: axis(0) })));
      await settle();
    });

    it.each<[string, string[]]>([
      ["country = 'Turkey'", ["f1", "f2"]],
      ["country != 'Turkey'", ["f3", "f4"]],
      ["population < 3600000", ["f4"]],
      ["population <= 3600000", ["f3", "f4"]],
      ["population > 5700000", ["f1"]],
      ["population >= 5700000", ["f1", "f2"]],
      ["is_capital = true", ["f2", "f3"]],
      ["is_capital = false", ["f1", "f4"]],
      ["tier IN ('gold', 'silver')", ["f1", "f2", "f4"]],
      ["tier NOT IN ('gold')", ["f2", "f3"]],
      ["name GLOB '?[sz]*[^m-z]'", ["f1"]],
      ["name GLOB 'B*'", ["f3"]],
      ["name GLOB 'b*'", []],
      ["name NOT GLOB 'B*'", ["f1", "f2", "f4"]],
      ["tags CONTAINS 'sale'", ["f3"]],
      ["tags NOT CONTAINS 'sale'", ["f1", "f2", "f4"]],
      ["HAS FIELD geo.coords", ["f1", "f3"]],
      ["HAS NOT FIELD geo.coords", ["f2", "f4", "f5"]],
      ["geo.continent = 'Europe'", ["f3", "f4"]],
      ["geo.coords.lat > 50", ["f3"]],
      ["tags[0] = 'tech'", ["f3"]],
      ["tags[#-1] = 'textiles'", ["f1"]],
      [`country = "Germany"`, ["f3"]],
      [`note = 'it\\'s "quoted"'`, ["f4"]],
      [`note = "it's \\"quoted\\""`, ["f4"]],
      ["country = 'Turkey' and is_capital = true", ["f2"]],
      ["country = 'Switzerland' AND is_capital = true OR tier = 'gold'", ["f1", "f4"]],
      ["country = 'Switzerland' AND (is_capital = true OR tier = 'gold')", ["f4"]],
      ["(tier IN ('gold', 'silver') OR name GLOB 'B*') AND (stock > 0 OR tags CONTAINS 'tourism')", ["f1", "f2", "f4"]],
      ["HAS FIELD constructor OR HAS FIELD __proto__ OR toString = 'x'", []],
    ])("%s", async (filter, expected) => {
      expect(await matching(filter)).toEqual(expected);
    });

    it("applies filters to delete and leaves the rest", async () => {
      const ns = index.namespace(`${run}-filter-delete`);
      await ns.upsert(docs.map((doc) => ({ ...doc, vector: axis(0) })));
      await settle();
      expect(await ns.delete({ filter: "geo.continent = 'Asia' OR tags CONTAINS 'sale'" })).toEqual({ deleted: 3 });
      await settle();
      expect((await ns.range({ cursor: 0, limit: 10 })).vectors.map((v) => v.id).sort()).toEqual(["f4", "f5"]);
    });

    it.each([
      "country =",
      "= 'Turkey'",
      "country = 'Turkey",
      "country = Turkey",
      "(country = 'Turkey'",
      "country = 'Turkey')",
      "country = 'Turkey' AND",
      "country = 'Turkey' OR OR tier = 'gold'",
      "country = 'Turkey' tier = 'gold'",
      "tier IN ()",
      "tier IN 'gold'",
      "name GLOB 5",
      "country ~ 'Turkey'",
      "HAS FIELD",
      "country = 'Turkey'; DROP TABLE",
    ])("refuses the malformed filter %s", async (filter) => {
      await expect(matching(filter)).rejects.toThrow(isLocal ? /Invalid filter/ : /./);
    });

    it.skipIf(!isLocal)("refuses what the stand-in's strict parser cannot read unambiguously", async () => {
      for (const filter of [
        "population < 'many'",
        "country == 'Turkey'",
        "country = 'Tur\\key'",
        "NOT country = 'Turkey'",
        "tags[x] = 'a'",
        "name GLOB '[a'",
        `${"(".repeat(80)}country = 'Turkey'${")".repeat(80)}`,
      ]) {
        await expect(matching(filter), filter).rejects.toThrow(/Invalid filter/);
      }
      const response = await fetch(`${connection.url}/query/${name()}`, {
        method: "POST",
        headers: { authorization: `Bearer ${connection.token}` },
        body: JSON.stringify({ vector: axis(0), topK: 1, filter: "country = " }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/Invalid filter/), status: 400 });
    });
  });

  describe("workspace scoping against filter injection", () => {
    const name = () => `${run}-tenancy`;
    const hostile = "x' OR workspace_id = 'w2";

    async function scoped(workspace: string, userFilter: string): Promise<string[]> {
      const filter = `workspace_id = ${quote(workspace)} AND (${userFilter})`;
      const results = await index.namespace(name()).query({ vector: axis(0), topK: 50, filter, includeMetadata: true });
      return results.map((r) => String(r.id)).sort();
    }

    beforeAll(async () => {
      await index.namespace(name()).upsert([
        { id: "t1", vector: axis(0), metadata: { workspace_id: "w1", title: "Plan" } },
        { id: "t2", vector: axis(0), metadata: { workspace_id: "w2", title: "Plan" } },
        { id: "t3", vector: axis(0), metadata: { workspace_id: "w1", title: hostile } },
        { id: "t4", vector: axis(0), metadata: { workspace_id: "w2", title: "secret" } },
      ]);
      await settle();
    });

    it("treats a quoted hostile value as one literal", async () => {
      expect(await scoped("w1", `title = ${quote(hostile)}`)).toEqual(["t3"]);
      expect(await scoped("w1", `title = ${quote("\\' OR workspace_id = 'w2")}`)).toEqual([]);
      expect(await scoped("w1", `title = ${quote("Plan")}`)).toEqual(["t1"]);
    });

    it("keeps an OR inside the user's parentheses within the workspace", async () => {
      expect(await scoped("w1", "title = 'Plan' OR title = 'secret'")).toEqual(["t1"]);
      expect(await scoped("w2", "title = 'Plan' OR HAS FIELD title")).toEqual(["t2", "t4"]);
    });

    it("never lets a hostile workspace value match another workspace", async () => {
      expect(await scoped("w1' OR workspace_id = 'w2", "HAS FIELD title")).toEqual([]);
    });
  });

  // Last but persistence: it wipes the whole index, which only the local target may do.
  describe.skipIf(!isLocal)("whole index", () => {
    it("resets the default namespace, and with all: every namespace", async () => {
      await index.upsert({ id: "default-1", vector: axis(1) });
      await index.namespace(`${run}-all`).upsert({ id: "x", vector: axis(2) });
      expect(await index.reset()).toBe("Success");
      expect(await index.fetch(["default-1"])).toEqual([null]);
      expect(await index.namespace(`${run}-all`).fetch(["x"])).toEqual([{ id: "x" }]);
      expect(await index.reset({ all: true })).toBe("Success");
      expect(await index.listNamespaces()).toEqual([""]);
      expect((await index.info()).vectorCount).toBe(0);
    });
  });

  describe.skipIf(!isLocal)("persistence", () => {
    it("keeps vectors, namespaces, updates and deletes across close and restart", async () => {
      const dataDir = await mkdtemp(join(tmpdir(), "vector-persist-"));
      const token = "persist-token";
      try {
        let standIn = await startVector({ port: 0, token, dataDir, dimension: 4 });
        let persisted = client(standIn.url, token);
        await persisted.upsert([
          { id: "a", vector: [1, 0, 0, 0], metadata: { n: 1 } },
          { id: "b", vector: [0, 1, 0, 0] },
        ]);
        await persisted.namespace("ns").upsert({ id: "c", data: "hello world", metadata: { keep: true } });
        await persisted.namespace("empty").upsert({ id: "gone", vector: [0, 0, 1, 0] });
        await persisted.namespace("empty").reset();
        await persisted.delete("b");
        await persisted.update({ id: "a", metadata: { n: 2 } });
        await standIn.close();

        standIn = await startVector({ port: 0, token, dataDir, dimension: 4 });
        persisted = client(standIn.url, token);
        expect(await persisted.fetch(["a", "b"], { includeMetadata: true, includeVectors: true })).toEqual([
          { id: "a", vector: [1, 0, 0, 0], metadata: { n: 2 } },
          null,
        ]);
        expect(await persisted.namespace("ns").fetch(["c"], { includeData: true, includeMetadata: true })).toEqual([
          { id: "c", data: "hello world", metadata: { keep: true } },
        ]);
        expect(await persisted.listNamespaces()).toEqual(["", "empty", "ns"]);
        await standIn.close();

        // A line torn by a crash mid-write is dropped; everything before it survives.
        await appendFile(join(dataDir, "vector-journal.jsonl"), '{"op":"upsert","namespace":"","rec');
        standIn = await startVector({ port: 0, token, dataDir, dimension: 4 });
        expect((await client(standIn.url, token).info()).vectorCount).toBe(2);
        await standIn.close();

        await expect(startVector({ port: 0, token, dataDir, dimension: 8 })).rejects.toThrow(/4-dimension/);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
});
