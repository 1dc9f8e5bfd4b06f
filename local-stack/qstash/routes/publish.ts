import { type Context, Hono } from "hono";
import type { QStashContext } from "../context.ts";
import { badRequest } from "../errors.ts";
import { type AppEnv, bodyBytes, destinationAfter, jsonBody } from "../http.ts";
import { parseMessage } from "../message-headers.ts";
import { draftOf, type PublishResult, publish } from "../publisher.ts";
import { isValidQueueName } from "../queue-store.ts";

interface BatchEntry {
  destination: string;
  headers?: Record<string, string>;
  body?: string;
  queue?: string;
}

function isBatchEntry(value: unknown): value is BatchEntry {
  const entry = value as BatchEntry;
  return typeof entry === "object" && entry !== null && typeof entry.destination === "string";
}

function queueNameOf(name: string): string {
  if (!isValidQueueName(name)) throw badRequest(`invalid queue name "${name}"`);
  return name;
}

async function publishParsed(
  ctx: QStashContext,
  input: { destination: string; headers: Headers; body: Uint8Array; callerIp?: string },
  queueName?: string,
): Promise<PublishResult> {
  const parsed = parseMessage(input);
  const draft = { ...draftOf(parsed, ctx.now()), ...(queueName ? { queueName } : {}) };
  return await publish(ctx, draft, { id: parsed.deduplicationId, contentBased: parsed.contentBasedDeduplication });
}

async function publishRequest(ctx: QStashContext, c: Context<AppEnv>, segments: number, queueName?: string) {
  const input = {
    destination: destinationAfter(c, segments),
    headers: c.req.raw.headers,
    body: await bodyBytes(c),
    callerIp: c.env.callerIp,
  };
  return await publishParsed(ctx, input, queueName);
}

/** `POST /v2/publish/{destination}`, `POST /v2/enqueue/{queue}/{destination}`, `POST /v2/batch`. */
export function publishRoutes(ctx: QStashContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post("/publish/*", async (c) => c.json(await publishRequest(ctx, c, 3)));

  app.post("/enqueue/:queueName/*", async (c) =>
    c.json(await publishRequest(ctx, c, 4, queueNameOf(c.req.param("queueName")))),
  );

  app.post("/batch", async (c) => {
    const entries = await jsonBody(c);
    if (!Array.isArray(entries) || !entries.every(isBatchEntry)) {
      throw badRequest("batch body must be an array of { destination, headers?, body?, queue? }");
    }
    const results: PublishResult[] = [];
    for (const entry of entries) {
      const input = {
        destination: entry.destination,
        headers: new Headers(entry.headers ?? {}),
        body: new TextEncoder().encode(entry.body ?? ""),
        callerIp: c.env.callerIp,
      };
      results.push(await publishParsed(ctx, input, entry.queue === undefined ? undefined : queueNameOf(entry.queue)));
    }
    return c.json(results);
  });

  return app;
}
