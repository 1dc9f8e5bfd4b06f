import { Hono } from "hono";
import type { QStashContext } from "../context.ts";
import { getDlqEntries, getDlqEntry, listDlq, removeDlqEntries } from "../dlq-store.ts";
import { notFound } from "../errors.ts";
import { countParam, listParam, parseFilters } from "../filters.ts";
import { type AppEnv, jsonBody, queryOf } from "../http.ts";
import { parseOverrides } from "../message-headers.ts";
import { type PublishResult, publish } from "../publisher.ts";
import type { DlqRecord } from "../types.ts";
import { dlqView } from "../views.ts";

/**
 * Republishes a DLQ entry as a new message (fresh id, retry count reset) and removes the entry.
 * Configuration headers on the retry request override the original's, as QStash documents.
 */
async function retryEntry(ctx: QStashContext, entry: DlqRecord, headers: Headers): Promise<PublishResult> {
  const { dlqId, failedAt, response, messageId, createdAt, retried, notBefore, ...template } = entry;
  const overrides = parseOverrides(headers);
  const now = ctx.now();
  const result = await publish(ctx, {
    ...template,
    ...overrides.template,
    notBefore: overrides.notBefore ?? now + (overrides.delayMs ?? 0),
  });
  await removeDlqEntries(ctx, [dlqId]);
  return result;
}

/** Entries a bulk DLQ call targets: by `dlqIds`, else the next page of filter matches. */
async function targetedEntries(
  ctx: QStashContext,
  query: URLSearchParams,
  bodyIds: string[] = [],
): Promise<{ entries: DlqRecord[]; cursor?: string }> {
  const ids = [...listParam(query, "dlqIds"), ...bodyIds];
  if (ids.length > 0) return { entries: await getDlqEntries(ctx, ids) };
  return await listDlq(ctx, {
    filters: parseFilters(query),
    cursor: query.get("cursor") ?? undefined,
    count: countParam(query),
  });
}

/** Dead-letter queue: list, get, delete one or many, retry one or many. */
export function dlqRoutes(ctx: QStashContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/dlq", async (c) => {
    const { entries, cursor } = await targetedEntries(ctx, queryOf(c));
    return c.json({ messages: entries.map(dlqView), cursor });
  });

  app.delete("/dlq", async (c) => {
    // Older clients send `{ "dlqIds": [...] }` as a JSON body; the SDK sends query parameters.
    const body = (await jsonBody(c)) as { dlqIds?: unknown } | undefined;
    const bodyIds = Array.isArray(body?.dlqIds) ? body.dlqIds.map(String) : [];
    const { entries, cursor } = await targetedEntries(ctx, queryOf(c), bodyIds);
    const deleted = await removeDlqEntries(
      ctx,
      entries.map((entry) => entry.dlqId),
    );
    return c.json({ deleted, cursor });
  });

  app.post("/dlq/retry", async (c) => {
    const { entries, cursor } = await targetedEntries(ctx, queryOf(c));
    const responses: PublishResult[] = [];
    for (const entry of entries) responses.push(await retryEntry(ctx, entry, c.req.raw.headers));
    return c.json({ cursor, responses: responses.map(({ messageId }) => ({ messageId })) }, 201);
  });

  app.post("/dlq/retry/:dlqId", async (c) => {
    const entry = await getDlqEntry(ctx, c.req.param("dlqId"));
    if (!entry) throw notFound("DLQ message");
    const { messageId } = await retryEntry(ctx, entry, c.req.raw.headers);
    return c.json({ messageId }, 201);
  });

  app.get("/dlq/:dlqId", async (c) => {
    const entry = await getDlqEntry(ctx, c.req.param("dlqId"));
    if (!entry) throw notFound("DLQ message");
    return c.json(dlqView(entry));
  });

  app.delete("/dlq/:dlqId", async (c) => {
    if ((await removeDlqEntries(ctx, [c.req.param("dlqId")])) === 0) throw notFound("DLQ message");
    return c.body(null, 200);
  });

  return app;
}
