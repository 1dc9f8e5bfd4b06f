import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppEnv } from "./http.ts";

type FetchHandler = (request: Request, env: AppEnv["Bindings"]) => Response | Promise<Response>;

async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks);
  // The raw path is kept as sent: destinations ride in it (`/v2/publish/https://…`).
  return new Request(`http://qstash.local${req.url ?? "/"}`, { method, headers, body });
}

/** Serves a fetch-style handler (the Hono app) from a Node `http` server. */
export function nodeHandler(handle: FetchHandler) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const respond = async () => {
      const response = await handle(await toRequest(req), { callerIp: req.socket.remoteAddress });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      res.writeHead(response.status, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    };
    respond().catch((error: unknown) => {
      console.error("[qstash stand-in]", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "internal error" }));
    });
  };
}
