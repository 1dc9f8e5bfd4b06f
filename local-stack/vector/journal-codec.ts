import type { Metadata, Mutation, SimilarityFunction, VectorRecord } from "./types.ts";

/** First line of a journal: what the vectors in it mean. */
export interface JournalHeader {
  format: "raptorflow-vector-journal";
  version: 1;
  dimension: number;
  similarity: SimilarityFunction;
}

interface EncodedRecord {
  id: string;
  /** The float32 components, little-endian bytes in base64: exact, and a third the size of JSON numbers. */
  v: string;
  m?: Metadata;
  d?: string;
}

/** One mutation as one JSON line (no trailing newline). */
export function encodeMutation(mutation: Mutation): string {
  if (mutation.op !== "upsert") return JSON.stringify(mutation);
  const records = mutation.records.map((record): EncodedRecord => {
    const encoded: EncodedRecord = { id: record.id, v: encodeVector(record.vector) };
    if (record.metadata !== undefined) encoded.m = record.metadata;
    if (record.data !== undefined) encoded.d = record.data;
    return encoded;
  });
  return JSON.stringify({ op: "upsert", namespace: mutation.namespace, records });
}

/** Parses one journal line back into a mutation; throws on anything it did not write. */
export function decodeMutation(line: string, dimension: number): Mutation {
  const value: unknown = JSON.parse(line);
  if (!isObject(value) || typeof value.op !== "string") throw new Error("not a journal entry");
  const namespace = value.namespace;
  switch (value.op) {
    case "upsert":
      if (typeof namespace !== "string" || !Array.isArray(value.records)) break;
      return { op: "upsert", namespace, records: value.records.map((record) => decodeRecord(record, dimension)) };
    case "delete":
      if (typeof namespace !== "string" || !Array.isArray(value.ids)) break;
      return { op: "delete", namespace, ids: value.ids.map(String) };
    case "createNamespace":
    case "reset":
    case "deleteNamespace":
      if (typeof namespace !== "string") break;
      return { op: value.op, namespace };
    case "resetAll":
      return { op: "resetAll" };
  }
  throw new Error(`malformed ${value.op} entry`);
}

/** Parses and checks the header line. */
export function decodeHeader(line: string): JournalHeader {
  const value: unknown = JSON.parse(line);
  if (
    !isObject(value) ||
    value.format !== "raptorflow-vector-journal" ||
    value.version !== 1 ||
    typeof value.dimension !== "number" ||
    (value.similarity !== "COSINE" && value.similarity !== "EUCLIDEAN" && value.similarity !== "DOT_PRODUCT")
  ) {
    throw new Error("not a vector journal header");
  }
  return { format: value.format, version: value.version, dimension: value.dimension, similarity: value.similarity };
}

function decodeRecord(value: unknown, dimension: number): VectorRecord {
  if (!isObject(value) || typeof value.id !== "string" || typeof value.v !== "string") {
    throw new Error("malformed record");
  }
  const record: VectorRecord = { id: value.id, vector: decodeVector(value.v, dimension) };
  if (isObject(value.m)) record.metadata = value.m as Metadata;
  if (typeof value.d === "string") record.data = value.d;
  return record;
}

function encodeVector(vector: Float32Array): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i]!, true);
  return Buffer.from(bytes).toString("base64");
}

function decodeVector(encoded: string, dimension: number): Float32Array {
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length !== dimension * 4) throw new Error(`vector is not ${dimension}-dimensional`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(dimension);
  for (let i = 0; i < dimension; i++) vector[i] = view.getFloat32(i * 4, true);
  return vector;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
