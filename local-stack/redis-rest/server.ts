import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { TokenCheck } from "./auth.ts";
import { encodeReply, type JsonReply } from "./encoding.ts";
import { RestError } from "./errors.ts";
import type { Executor, Outcome } from "./executor.ts";
import { parseJob } from "./request.ts";

type Entry = { result: JsonReply } | { error: string };

/** The HTTP side of the stand-in: authenticate, read the job, run it, write Upstash-shaped JSON. */
export function createRequestListener(deps: { checkToken: TokenCheck; executor: Executor }): RequestListener {
  return async function handleRedisRest(req, res) {
    try {
      const url = new URL(req.url ?? "/", "http://stand-in");
      if (!deps.checkToken(req.headers, url)) throw new RestError(401, "Unauthorized");
      const job = parseJob({ method: req.method ?? "GET", url, body: await readBody(req) });
      // Upstash's SDK sends `upstash-sync-token` for read-your-writes; one Redis is always consistent, so it is ignored.
      const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
      if (job.kind === "single") {
        const reply = await deps.executor.single(job.command);
        return send(res, 200, { result: encodeReply(reply, base64) });
      }
      const outcomes =
        job.kind === "pipeline"
          ? await deps.executor.pipeline(job.commands)
          : await deps.executor.multiExec(job.commands);
      const entries = outcomes.map((outcome) => encodeOutcome(outcome, base64));
      send(res, 200, entries);
    } catch (error) {
      // Error texts are never base64-encoded, matching Upstash.
      if (error instanceof RestError) return send(res, error.status, { error: error.message });
      send(res, 500, { error: `ERR stand-in failure: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
}

function encodeOutcome(outcome: Outcome, base64: boolean): Entry {
  return "error" in outcome ? { error: outcome.error } : { result: encodeReply(outcome.result, base64) };
}

function send(res: ServerResponse, status: number, body: Entry | Entry[]): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
