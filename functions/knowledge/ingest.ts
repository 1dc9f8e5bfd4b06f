import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { created, type DataResponse, ERROR_RESPONSES, workspacePath } from "../../shared/http/responses.ts";
import { validate } from "../../shared/http/validate.ts";
import {
  type BatchProgress,
  batchProgress,
  enqueueBatch,
  INLINE_BATCH_MAX_ITEMS,
} from "../../shared/knowledge/batch.ts";
import { type CodexBootstrap, ensureCodexKnowledge } from "../../shared/knowledge/codex/bootstrap.ts";
import { type IngestResult, ingest, ingestMany } from "../../shared/knowledge/ingest.ts";
import { requestActor, requestDeps } from "./context.ts";
import { BatchBody, BatchParams, IngestBody } from "./schemas.ts";

const tags = ["knowledge"];

/** `POST /knowledge`: the document's result and the workspace's knowledge version after it. */
export type IngestResponse = DataResponse<IngestResult & { knowledge_version: number | null }>;

/** `POST /knowledge/batch`: results when ingested in the request, progress when queued. */
export type BatchResponse = DataResponse<
  | { mode: "inline"; results: IngestResult[]; knowledge_version: number | null }
  | { mode: "queued"; batch: BatchProgress }
>;

/** `GET /knowledge/batch/:batchId`. */
export type BatchProgressResponse = DataResponse<BatchProgress>;

/** `POST /knowledge/bootstrap`. */
export type BootstrapResponse = DataResponse<CodexBootstrap>;

/** Ingestion: one document, a batch (inline or through QStash), batch progress, the Codex bootstrap. */
export const ingestApp = new Hono<AppEnv>()
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Ingest one document: chunked by structure, deduplicated by content hash, embedded and indexed",
      responses: {
        201: { description: "`{ data: IngestResult }`: new chunks were stored; `Location` names the document" },
        200: { description: "`{ data: IngestResult }`: every chunk was already known, nothing changed" },
        ...ERROR_RESPONSES,
      },
    }),
    requirePermission("knowledge:write"),
    validate("json", IngestBody),
    async (c) => {
      const input = c.req.valid("json");
      const outcome = await ingest(requestDeps(c), requestActor(c), { ...input, source: input.source ?? "api" });
      const result = outcome.results[0]!;
      const data = { ...result, knowledge_version: outcome.knowledgeVersion };
      if (result.created === 0 || !result.document_id) return c.json<IngestResponse>({ data });
      return created(c, workspacePath(c, "knowledge", "documents", result.document_id), data);
    },
  )
  .post(
    "/batch",
    describeRoute({
      tags,
      summary: `Ingest documents: up to ${INLINE_BATCH_MAX_ITEMS} in the request, more through QStash with progress events`,
      responses: {
        // No `Location` for an inline batch: it creates a document per item, each in `results`.
        201: { description: "`{ data: { mode, results, knowledge_version } }`, mode inline: ingested in the request" },
        202: { description: "`{ data: { mode, batch } }`, mode queued: poll the `Location` or follow its events" },
        ...ERROR_RESPONSES,
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
      c.header("location", workspacePath(c, "knowledge", "batch", batch.batch_id));
      return c.json<BatchResponse>({ data: { mode: "queued", batch } }, 202);
    },
  )
  .get(
    "/batch/:batchId",
    describeRoute({
      tags,
      summary: "Progress of a queued batch",
      responses: { 200: { description: "`{ data: BatchProgress }`" }, ...ERROR_RESPONSES },
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
      return c.json<BatchProgressResponse>({ data: progress });
    },
  )
  .post(
    "/bootstrap",
    describeRoute({
      tags,
      summary: "Load (or refresh) the Codex: what each Lord, guild and agent does",
      responses: {
        200: { description: "`{ data: CodexBootstrap }`: what was loaded; loaded=false if already current" },
        ...ERROR_RESPONSES,
      },
    }),
    requirePermission("knowledge:write"),
    async (c) => {
      const result = await ensureCodexKnowledge(requestDeps(c), requestActor(c).workspaceId);
      return c.json<BootstrapResponse>({ data: result });
    },
  );
