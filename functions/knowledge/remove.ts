import { type Context, Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { validate } from "../../shared/http/validate.ts";
import type { MemorySelector } from "../../shared/knowledge/memories.ts";
import { remove } from "../../shared/knowledge/remove.ts";
import { orApiError, requestActor, requestDeps } from "./context.ts";
import { DocumentParams, MemoryParams } from "./schemas.ts";

const tags = ["knowledge"];

/** `DELETE /knowledge/:id` and `/knowledge/documents/:documentId`. */
export interface RemoveResponse {
  data: { deleted: string[]; document_ids: string[]; knowledge_version: number | null };
}

const responses = {
  200: { description: "What was deleted (rows and vectors)" },
  403: { description: "Codex knowledge is maintained by the platform" },
  404: { description: "No such knowledge in this workspace" },
};

/** Deletion: a memory, or every chunk of a document; rows and vectors go together. */
export const removeApp = new Hono<AppEnv>()
  .delete(
    "/documents/:documentId",
    describeRoute({ tags, summary: "Delete a document: all its chunks and their vectors", responses }),
    requirePermission("knowledge:write"),
    validate("param", DocumentParams),
    (c) => removeAndRespond(c, { documentId: c.req.valid("param").documentId }),
  )
  .delete(
    "/:id",
    describeRoute({ tags, summary: "Delete one memory (chunk) and its vector", responses }),
    requirePermission("knowledge:write"),
    validate("param", MemoryParams),
    (c) => removeAndRespond(c, { memoryId: c.req.valid("param").id }),
  );

async function removeAndRespond(c: Context<AppEnv>, selector: MemorySelector) {
  const outcome = await orApiError(remove(requestDeps(c), requestActor(c), selector));
  const documentIds = [
    ...new Set(outcome.deleted.map((row) => row.document_id).filter((id): id is string => id !== null)),
  ];
  return c.json<RemoveResponse>({
    data: {
      deleted: outcome.deleted.map((row) => row.id),
      document_ids: documentIds,
      knowledge_version: outcome.knowledgeVersion,
    },
  });
}
