import type { VectorStore } from "./store.ts";

/** A parsed REST call: the namespace comes from the path (`/query/ns`), `all` from `/reset?all`. */
export interface VectorRequest {
  namespace: string;
  body: unknown;
  all: boolean;
}

/** Answers one endpoint; the return value becomes `{ result }`. */
export type Handler = (store: VectorStore, request: VectorRequest) => unknown;
