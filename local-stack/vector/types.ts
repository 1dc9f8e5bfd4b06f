/** Any JSON value, as metadata holds. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A vector's metadata: always a JSON object. */
export type Metadata = { [key: string]: JsonValue };

/** How query scores are computed; every score is normalised to [0, 1] as Upstash does. */
export type SimilarityFunction = "COSINE" | "EUCLIDEAN" | "DOT_PRODUCT";

/** One stored vector. Ids are strings: Upstash turns numeric ids into strings too. */
export interface VectorRecord {
  id: string;
  vector: Float32Array;
  metadata?: Metadata;
  data?: string;
}

/** A state change, as applied in memory and as written to the journal. */
export type Mutation =
  | { op: "upsert"; namespace: string; records: VectorRecord[] }
  | { op: "delete"; namespace: string; ids: string[] }
  | { op: "createNamespace"; namespace: string }
  | { op: "reset"; namespace: string }
  | { op: "resetAll" }
  | { op: "deleteNamespace"; namespace: string };
