import type { Handler } from "./request.ts";
import { fetch, info, listNamespaces, query, queryData, range } from "./routes-read.ts";
import { deleteNamespace, deleteVectors, reset, update, upsert, upsertData } from "./routes-write.ts";

/** An endpoint: its handler, and whether a namespace may (or, for delete-namespace, must) follow it in the path. */
export interface Route {
  handler: Handler;
  namespace: "none" | "optional" | "required";
}

/** The Upstash Vector REST endpoints the stand-in serves, by first path segment. */
export const routes: ReadonlyMap<string, Route> = new Map<string, Route>([
  ["upsert", { handler: upsert, namespace: "optional" }],
  ["upsert-data", { handler: upsertData, namespace: "optional" }],
  ["update", { handler: update, namespace: "optional" }],
  ["query", { handler: query, namespace: "optional" }],
  ["query-data", { handler: queryData, namespace: "optional" }],
  ["fetch", { handler: fetch, namespace: "optional" }],
  ["delete", { handler: deleteVectors, namespace: "optional" }],
  ["range", { handler: range, namespace: "optional" }],
  ["reset", { handler: reset, namespace: "optional" }],
  ["info", { handler: info, namespace: "none" }],
  ["list-namespaces", { handler: listNamespaces, namespace: "none" }],
  ["delete-namespace", { handler: deleteNamespace, namespace: "required" }],
]);
