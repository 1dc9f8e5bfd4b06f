import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { validate } from "../../shared/http/validate.ts";
import {
  type BatchProgress,
  batchProgress,
  enqueueBatch,
  INLINE_BATCH_MAX_ITEMS,
} from "../../shared/knowledge/batch.ts";
import { ensureCodexKnowledge } from "../../shared/knowledge/codex/bootstrap.ts";
import { type IngestResult, ingest, ingestMany } from "../../shared/knowledge/ingest.ts";
import { requestActor, requestDeps } from "./context.ts";
import { BatchBody, BatchParams, IngestBody } from "./schemas.ts";

const tags = ["knowledge"];

/** `POST /knowledge`: the document's result and the workspace's knowledge version after it. */
export interface IngestResponse {
  data: IngestResult & { knowledge_version: number | null };
}

/** `POST /knowledge/batch`: results when ingested in the request, progress when queued. */
export type BatchResponse =
  | { data: { mode: "inline"; results: IngestResult[]; knowledge_version: number | null } }
  | { data: { mode: "queued"; batch: BatchProgress } };

/** Ingestion: one document, a batch (inline or through QStash), batch progress, the Codex bootstrap. */
export const ingestApp = new Hono<AppEnv>()
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Ingest one document: chunked by structure, deduplicated by content hash, embedded and indexed",
      responses: {
        201: { description: "New chunks were stored" },
        200: { description: "Every chunk was already known: nothing changed" },
      },
    }),
    requirePermission("knowledge:write"),
    validate("json", IngestBody),
    async (c) => {
      const input = c.req.valid("json");
      const outcome = await ingest(requestDeps(c), requestActor(c), { ...input, source: input.source ?? "api" });
      const result = outcome.results[0]!;
      return c.json<IngestResponse>(
        { data: { ...result, knowledge_version: outcome.knowledgeVersion } },
        result.created > 0 ? 201 : 200,
      );
    },
  )
  .post(
    "/batch",
    describeRoute({
      tags,
      summary: `Ingest documents: up to ${INLINE_BATCH_MAX_ITEMS} in the request, more through QStash with progress events`,
      responses: {
        201: { description: "Ingested in the request" },
        202: { description: "Queued: poll the Location or follow knowledge.batch_progress events" },
      },
    }),
    requirePermission("knowledge:write"),
    validate("json", BatchBody),
    async (c) => {
      const { items, mode } = c.req.valid("json");
      const inputs = items.map((item) => ({ ...item, source: item.source ?? "api" }));
      const actor = requestActor(c);
      if (mode === "auto" && inputs.length <= INLINE_BATCH_MAX_ITEMS) {
        const outcome = await ingestMany(requestDeps(c), actor, inputs);
        return c.json<BatchResponse>(
          { data: { mode: "inline", results: outcome.results, knowledge_version: outcome.knowledgeVersion } },
          201,
        );
      }
      const { redis, qstash, config } = c.get("services");
      const batch = await enqueueBatch({ redis, qstash, baseUrl: config.PUBLIC_BASE_URL }, actor, inputs);
      c.header("location", `/api/workspaces/${actor.workspaceId}/knowledge/batch/${batch.batch_id}`);
      return c.json<BatchResponse>({ data: { mode: "queued", batch } }, 202);
    },
  )
  .get(
    "/batch/:batchId",
    describeRoute({
      tags,
      summary: "Progress of a queued batch",
      responses: { 200: { description: "The batch's progress" }, 404: { description: "No such batch" } },
    }),
    requirePermission("knowledge:read"),
    validate("param", BatchParams),
    async (c) => {
      const progress = await batchProgress(
        c.get("services").redis,
        requestActor(c).workspaceId,
        c.req.valid("param").batchId,
      );
      if (!progress) throw ApiError.notFound("No such batch in this workspace", "BATCH_NOT_FOUND");
      return c.json({ data: progress });
    },
  )
  .post(
    "/bootstrap",
    describeRoute({
      tags,
      summary: "Load (or refresh) the Codex: what each Lord, guild and agent does",
      responses: { 200: { description: "What the bootstrap loaded; loaded=false if already current" } },
    }),
    requirePermission("knowledge:write"),
    async (c) => {
      const result = await ensureCodexKnowledge(requestDeps(c), requestActor(c).workspaceId);
      return c.json({ data: result });
    },
  );
