import { type Context, Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { ERROR_RESPONSES } from "../../shared/http/responses.ts";
import { validate } from "../../shared/http/validate.ts";
import type { MemorySelector } from "../../shared/knowledge/memories.ts";
import { remove } from "../../shared/knowledge/remove.ts";
import { orApiError, requestActor, requestDeps } from "./context.ts";
import { DocumentParams, MemoryParams } from "./schemas.ts";

const tags = ["knowledge"];

const responses = {
  // The `knowledge.deleted` event names what was deleted (memory and document ids).
  204: { description: "Deleted: the rows and their vectors" },
  ...ERROR_RESPONSES,
  403: { description: "The caller's role may not do this, or it is Codex knowledge (maintained by the platform)" },
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
  await orApiError(remove(requestDeps(c), requestActor(c), selector));
  return c.body(null, 204);
}
