import type { Arg, RedisCommand } from "./command.ts";
import { RestError } from "./errors.ts";

/** What one HTTP request asks for, in the three shapes the Upstash REST API accepts. */
export type Job =
  | { kind: "single"; command: RedisCommand }
  | { kind: "pipeline"; commands: RedisCommand[] }
  | { kind: "multi-exec"; commands: RedisCommand[] };

/** The parts of an HTTP request a job is read from. */
export interface IncomingCall {
  method: string;
  url: URL;
  body: Buffer;
}

const batchPaths: Record<string, "pipeline" | "multi-exec"> = { pipeline: "pipeline", "multi-exec": "multi-exec" };

/** Reads a job from `POST /` (JSON command), `/pipeline`, `/multi-exec` or path-style `/cmd/arg/...`. */
export function parseJob(call: IncomingCall): Job {
  // Upstash allows HEAD, GET, POST and PUT; anything else is 405 there too.
  const method = call.method === "HEAD" ? "GET" : call.method === "PUT" ? "POST" : call.method;
  if (method !== "GET" && method !== "POST") throw new RestError(405, "Method not allowed");

  const segments = call.url.pathname.split("/").slice(1);
  const [first = "", ...rest] = segments;
  const batch = batchPaths[first];
  if (batch) {
    if (rest.length > 0) throw notFound();
    if (method !== "POST") throw new RestError(405, `/${batch} only accepts POST`);
    return { kind: batch, commands: parseCommandList(parseJson(call.body)) };
  }
  if (first === "") {
    if (segments.length > 1) throw notFound();
    if (method !== "POST") throw notFound();
    return { kind: "single", command: parseCommand(parseJson(call.body), "body") };
  }
  return { kind: "single", command: parsePathCommand(segments, call) };
}

/**
 * `/set/key/value` with each segment URL-decoded. A POST body is appended as the last argument
 * (raw bytes, so binary values survive), then query parameters other than `_token` as `NAME value`,
 * which is how Upstash lets options follow a body value (`/set/key?EX=100`).
 */
function parsePathCommand(segments: string[], call: IncomingCall): RedisCommand {
  const [name = "", ...args] = segments.map(decodeSegment);
  const all: Arg[] = [...args];
  if (call.body.length > 0) all.push(call.body);
  for (const [key, value] of call.url.searchParams) {
    if (key === "_token") continue;
    all.push(key);
    if (value !== "") all.push(value);
  }
  return { name, args: all };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RestError(400, `ERR invalid URL encoding in path segment '${segment}'`);
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new RestError(400, "ERR failed to parse the request body as JSON");
  }
}

function parseCommandList(value: unknown): RedisCommand[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new RestError(400, "ERR expected a non-empty JSON array of commands");
  }
  return value.map((command, index) => parseCommand(command, `command ${index + 1}`));
}

/** A JSON command: `["SET", "k", "v", "EX", 10]`. Numbers and booleans are sent as their text. */
function parseCommand(value: unknown, where: string): RedisCommand {
  if (!Array.isArray(value) || value.length === 0 || typeof value[0] !== "string") {
    throw new RestError(400, `ERR ${where}: expected a JSON array starting with the command name`);
  }
  const [name, ...args] = value as [string, ...unknown[]];
  return {
    name,
    args: args.map((arg, index) => {
      if (typeof arg === "string") return arg;
      if (typeof arg === "number" || typeof arg === "boolean") return String(arg);
      throw new RestError(400, `ERR ${where}: argument ${index + 1} must be a string, number or boolean`);
    }),
  };
}

function notFound(): RestError {
  return new RestError(404, "Not found: POST a command to /, /pipeline or /multi-exec, or use /COMMAND/arg/...");
}
