import { embedText } from "../../shared/embedding/local-embedding.ts";
import { VectorError } from "./errors.ts";
import { matchesFilter } from "./filter-eval.ts";
import { patchMetadata } from "./merge-patch.ts";
import type { Handler } from "./request.ts";
import type { VectorRecord } from "./types.ts";
import {
  expectObject,
  isObject,
  parseData,
  parseId,
  parseIds,
  parseMetadata,
  parseRequiredFilter,
  parseVector,
  rejectSparse,
} from "./validate.ts";

/** `upsert`: one vector or a list; an item with `data` but no `vector` is embedded locally. */
export const upsert: Handler = (store, { namespace, body }) => {
  store.upsert(
    namespace,
    asList(body).map((item) => toRecord(item, store.dimension, "vector")),
  );
  return "Success";
};

/** `upsert-data`: raw text, embedded with the deterministic local embedding. */
export const upsertData: Handler = (store, { namespace, body }) => {
  store.upsert(
    namespace,
    asList(body).map((item) => toRecord(item, store.dimension, "data")),
  );
  return "Success";
};

/** `update`: replaces the vector or data, and overwrites or merge-patches (RFC 7396) the metadata. */
export const update: Handler = (store, { namespace, body }) => {
  const fields = expectObject(body, "Update request");
  rejectSparse(fields);
  const id = parseId(fields.id);
  const vector = fields.vector === undefined ? undefined : parseVector(fields.vector, store.dimension);
  const data = parseData(fields.data);
  const metadata = parseMetadata(fields.metadata);
  const mode = fields.metadataUpdateMode ?? "OVERWRITE";
  if (mode !== "OVERWRITE" && mode !== "PATCH")
    throw VectorError.badRequest("metadataUpdateMode must be OVERWRITE or PATCH");
  if (vector === undefined && data === undefined && metadata === undefined) {
    throw VectorError.badRequest("Nothing to update: give vector, data or metadata");
  }
  const existing = store.space(namespace)?.get(id);
  if (!existing) return { updated: 0 };
  const next: VectorRecord = { ...existing };
  if (data !== undefined) {
    next.data = data;
    // As on an index with an embedding model, new data means a new vector unless one is given.
    next.vector = vector ?? embedText(data, store.dimension);
  }
  if (vector !== undefined) next.vector = vector;
  if (metadata !== undefined) next.metadata = mode === "PATCH" ? patchMetadata(existing.metadata, metadata) : metadata;
  store.upsert(namespace, [next]);
  return { updated: 1 };
};

/** `delete`: by id(s) (bare or as `{ ids }`), by `{ prefix }`, or by `{ filter }`. */
export const deleteVectors: Handler = (store, { namespace, body }) => {
  if (!isObject(body)) {
    if (body === undefined) throw VectorError.badRequest("Give the ids to delete");
    return { deleted: store.delete(namespace, parseIds(body)) };
  }
  const given = ["ids", "prefix", "filter"].filter((key) => body[key] !== undefined);
  if (given.length !== 1) throw VectorError.badRequest("Give exactly one of ids, prefix or filter");
  if (body.ids !== undefined) return { deleted: store.delete(namespace, parseIds(body.ids)) };
  if (body.prefix !== undefined) {
    const prefix = body.prefix;
    // An empty prefix would delete everything; `reset` is the explicit way to do that.
    if (typeof prefix !== "string" || prefix === "") throw VectorError.badRequest("prefix must be a non-empty string");
    return { deleted: store.deleteWhere(namespace, (id) => id.startsWith(prefix)) };
  }
  const filter = parseRequiredFilter(body.filter);
  return { deleted: store.deleteWhere(namespace, (_id, metadata) => matchesFilter(filter, metadata)) };
};

/** `reset` empties the default or the path's namespace; `reset?all` empties the whole index. */
export const reset: Handler = (store, { namespace, all }) => {
  if (all) store.resetAll();
  else store.reset(namespace);
  return "Success";
};

/** `delete-namespace/{namespace}`. */
export const deleteNamespace: Handler = (store, { namespace }) => {
  store.deleteNamespace(namespace);
  return "Success";
};

function asList(body: unknown): unknown[] {
  if (body === undefined) throw VectorError.badRequest("Request body is required");
  return Array.isArray(body) ? body : [body];
}

function toRecord(item: unknown, dimension: number, mode: "vector" | "data"): VectorRecord {
  const fields = expectObject(item, "Each vector");
  rejectSparse(fields);
  const id = parseId(fields.id);
  const data = parseData(fields.data);
  const metadata = parseMetadata(fields.metadata);
  let vector: Float32Array;
  if (mode === "vector" && fields.vector !== undefined) {
    vector = parseVector(fields.vector, dimension);
  } else if (mode === "data" && fields.vector !== undefined) {
    throw VectorError.badRequest("upsert-data embeds data itself: send data without vector, or use upsert");
  } else if (data !== undefined) {
    vector = embedText(data, dimension);
  } else {
    throw VectorError.badRequest(mode === "vector" ? "vector is required" : "data is required");
  }
  const record: VectorRecord = { id, vector };
  if (metadata !== undefined) record.metadata = metadata;
  if (data !== undefined) record.data = data;
  return record;
}
