import { embedText, LOCAL_EMBEDDING_MODEL } from "../../shared/embedding/local-embedding.ts";
import { VectorError } from "./errors.ts";
import { matchesFilter } from "./filter-eval.ts";
import type { Handler } from "./request.ts";
import { searchTopK } from "./search.ts";
import { serializeSlot, type VectorJson } from "./serialize.ts";
import type { VectorStore } from "./store.ts";
import {
  expectObject,
  type Include,
  parseData,
  parseIds,
  parseInclude,
  parseOptionalFilter,
  parsePositiveInteger,
  parseVector,
  rejectSparse,
} from "./validate.ts";

const DEFAULT_TOP_K = 10;
const NOTHING: Include = { metadata: false, vectors: false, data: false };

/** `query`: nearest neighbours of a vector, or a list of queries (answered with a list of lists). */
export const query: Handler = (store, { namespace, body }) => runQueries(store, namespace, body, "vector");

/** `query-data`: like `query`, with text embedded by the local embedding. */
export const queryData: Handler = (store, { namespace, body }) => runQueries(store, namespace, body, "data");

/** `fetch`: by ids (missing ids answer `null`, in order) or by id prefix. */
export const fetch: Handler = (store, { namespace, body }) => {
  let ids: string[] | undefined;
  let prefix: string | undefined;
  let include = NOTHING;
  if (Array.isArray(body)) {
    ids = parseIds(body);
  } else {
    const fields = expectObject(body, "Fetch request");
    include = parseInclude(fields);
    if ((fields.ids === undefined) === (fields.prefix === undefined)) {
      throw VectorError.badRequest("Give exactly one of ids or prefix");
    }
    if (fields.ids !== undefined) ids = parseIds(fields.ids);
    else if (typeof fields.prefix === "string") prefix = fields.prefix;
    else throw VectorError.badRequest("prefix must be a string");
  }
  const space = store.space(namespace);
  if (ids) {
    return ids.map((id) => {
      const slot = space?.slotOf(id);
      return space && slot !== undefined ? serializeSlot(space, slot, include) : null;
    });
  }
  if (!space) return [];
  return space
    .sortedIds()
    .filter((id) => id.startsWith(prefix ?? ""))
    .map((id) => serializeSlot(space, space.slotOf(id)!, include));
};

/** `range`: pages through ids in order; the cursor is an offset, `nextCursor` is `""` at the end. */
export const range: Handler = (store, { namespace, body }) => {
  const fields = expectObject(body, "Range request");
  const include = parseInclude(fields);
  const offset = parseCursor(fields.cursor);
  const limit = parsePositiveInteger(fields, "limit");
  const prefix = fields.prefix ?? "";
  if (typeof prefix !== "string") throw VectorError.badRequest("prefix must be a string");
  const space = store.space(namespace);
  if (!space) return { nextCursor: "", vectors: [] };
  const ids = prefix === "" ? space.sortedIds() : space.sortedIds().filter((id) => id.startsWith(prefix));
  const end = offset + limit;
  return {
    nextCursor: end < ids.length ? String(end) : "",
    vectors: ids.slice(offset, end).map((id) => serializeSlot(space, space.slotOf(id)!, include)),
  };
};

/** `info`: counts, size, dimension, similarity and per-namespace counts. Nothing is ever pending here. */
export const info: Handler = (store) => {
  let vectorCount = 0;
  let indexSize = 0;
  const namespaces = store.namespaces().map((name) => {
    const space = store.space(name)!;
    vectorCount += space.size;
    indexSize += space.approximateBytes();
    return [name, { vectorCount: space.size, pendingVectorCount: 0 }] as const;
  });
  return {
    vectorCount,
    pendingVectorCount: 0,
    indexSize,
    dimension: store.dimension,
    similarityFunction: store.similarity,
    denseIndex: {
      dimension: store.dimension,
      similarityFunction: store.similarity,
      embeddingModel: LOCAL_EMBEDDING_MODEL,
    },
    // fromEntries defines own properties, so a namespace called "__proto__" is listed, not swallowed.
    namespaces: Object.fromEntries(namespaces),
  };
};

/** `list-namespaces`: every namespace, the default `""` included. */
export const listNamespaces: Handler = (store) => store.namespaces();

function runQueries(store: VectorStore, namespace: string, body: unknown, mode: "vector" | "data") {
  if (!Array.isArray(body)) return runQuery(store, namespace, body, mode);
  const results = body.map((item) => runQuery(store, namespace, item, mode));
  // Upstash answers a one-query batch with a flat list; the SDK's queryMany relies on that.
  return results.length === 1 ? results[0] : results;
}

function runQuery(store: VectorStore, namespace: string, body: unknown, mode: "vector" | "data"): VectorJson[] {
  const fields = expectObject(body, "Query");
  rejectSparse(fields);
  const topK = parsePositiveInteger(fields, "topK", DEFAULT_TOP_K);
  const include = parseInclude(fields);
  const filter = parseOptionalFilter(fields.filter);
  let vector: Float32Array;
  if (mode === "data") {
    const data = parseData(fields.data);
    if (data === undefined) throw VectorError.badRequest("data is required");
    vector = embedText(data, store.dimension);
  } else {
    if (fields.vector === undefined) throw VectorError.badRequest("vector is required");
    vector = parseVector(fields.vector, store.dimension);
  }
  const space = store.space(namespace);
  if (!space) return [];
  const accept = filter
    ? (metadata: Parameters<typeof matchesFilter>[1]) => matchesFilter(filter, metadata)
    : undefined;
  return searchTopK(space, vector, topK, store.similarity, accept).map(({ slot, score }) =>
    serializeSlot(space, slot, include, score),
  );
}

function parseCursor(value: unknown): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  throw VectorError.badRequest('cursor must be a non-negative integer or its string form ("0" to start)');
}
