import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { readAs, requestScope, writeAs } from "../../shared/http/request-scope.ts";
import { created, ERROR_RESPONSES, listResponse, workspacePath } from "../../shared/http/responses.ts";
import { validate } from "../../shared/http/validate.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./queries.ts";
import { ApiKeyParams, CreateApiKeyBody, ListApiKeysQuery } from "./schemas.ts";

export type { ApiKey, ApiKeyListResponse, CreatedApiKey, CreatedApiKeyResponse } from "./schemas.ts";

const tags = ["api keys"];

/** Service API keys of a workspace (admins): create (secret shown once), list, revoke. */
export const apiKeysApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List the workspace's API keys (prefixes only, never secrets)",
      responses: { 200: { description: "`{ data: ApiKey[], next_cursor }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("api_keys:manage"),
    validate("query", ListApiKeysQuery),
    async (c) => {
      const scope = requestScope(c);
      const page = await readAs(scope, (tx) => listApiKeys(tx, scope.workspaceId, c.req.valid("query")));
      return c.json(listResponse(page));
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Create an API key; the response is the only time the secret is shown",
      responses: {
        201: {
          description:
            "`{ data: CreatedApiKey }` with the secret (`secret`, send it as `x-api-key`); `Location` names it",
        },
        ...ERROR_RESPONSES,
      },
    }),
    requirePermission("api_keys:manage"),
    validate("json", CreateApiKeyBody),
    async (c) => {
      const scope = requestScope(c);
      const key = await writeAs(scope, (tx, emit) => createApiKey(tx, emit, scope, c.req.valid("json")));
      // Never cached, and never replayed for a repeated Idempotency-Key (shared/http/idempotency.ts).
      c.header("cache-control", "no-store");
      return created(c, workspacePath(c, "api-keys", key.id), key);
    },
  )
  .delete(
    "/:keyId",
    describeRoute({
      tags,
      summary: "Revoke an API key; it stops authenticating immediately (revoking again changes nothing)",
      responses: { 204: { description: "Revoked" }, ...ERROR_RESPONSES },
    }),
    requirePermission("api_keys:manage"),
    validate("param", ApiKeyParams),
    async (c) => {
      const scope = requestScope(c);
      await writeAs(scope, (tx, emit) => revokeApiKey(tx, emit, scope.workspaceId, c.req.valid("param").keyId));
      return c.body(null, 204);
    },
  );
