import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { VectorError } from "./errors.ts";
import type { VectorRequest } from "./request.ts";
import { routes } from "./routes.ts";
import type { VectorStore } from "./store.ts";

/** Bulk upserts of a few thousand 1536-dimension vectors fit; anything larger is refused. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;
const METHODS = new Set(["GET", "POST", "PUT", "DELETE"]);

/** An HTTP server speaking the Upstash Vector REST API over `store`, behind bearer-token auth. */
export function createVectorServer(options: { store: VectorStore; token: string }): Server {
  const expected = digest(`Bearer ${options.token}`);
  return createServer((request, response) => {
    handle(request, options.store, expected)
      .then((result) => send(response, 200, { result }))
      .catch((error: unknown) => {
        const status = error instanceof VectorError ? error.status : 500;
        const message = error instanceof Error ? error.message : String(error);
        send(response, status, { error: message, status });
      });
  });
}

async function handle(request: IncomingMessage, store: VectorStore, expectedAuth: Buffer): Promise<unknown> {
  // Digests have equal length, so timingSafeEqual never throws and the comparison leaks no timing.
  if (!timingSafeEqual(digest(request.headers.authorization ?? ""), expectedAuth)) {
    throw new VectorError(401, "Unauthorized: Invalid auth token");
  }
  if (!METHODS.has(request.method ?? "")) throw new VectorError(405, `Method ${request.method} is not allowed`);
  const url = new URL(request.url ?? "/", "http://stand-in");
  const path = url.pathname.replace(/^\/+/, "");
  const slash = path.indexOf("/");
  const command = slash === -1 ? path : path.slice(0, slash);
  const route = routes.get(command);
  if (!route) throw VectorError.notFound(`Endpoint /${command} does not exist`);
  const rawNamespace = slash === -1 ? undefined : path.slice(slash + 1);
  if (route.namespace === "none" && rawNamespace !== undefined) {
    throw VectorError.notFound(`Endpoint /${command} does not take a namespace`);
  }
  if (route.namespace === "required" && rawNamespace === undefined) {
    throw VectorError.badRequest(`/${command} needs a namespace in the path`);
  }
  const vectorRequest: VectorRequest = {
    namespace: decodeNamespace(rawNamespace ?? ""),
    body: await readJson(request),
    all: url.searchParams.has("all"),
  };
  return route.handler(store, vectorRequest);
}

function decodeNamespace(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw VectorError.badRequest("The namespace in the path is not valid percent-encoding");
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new VectorError(413, "Request body is too large");
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw VectorError.badRequest("Request body is not valid JSON");
  }
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
