import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { validate } from "../../shared/http/validate.ts";
import { workspaceRequest } from "../workspaces/request.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./queries.ts";
import { ApiKeyParams, CreateApiKeyBody, ListApiKeysQuery } from "./schemas.ts";

const tags = ["api keys"];

/** Service API keys of a workspace (admins): create (secret shown once), list, revoke. */
export const apiKeysApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List the workspace's API keys (prefixes only, never secrets)",
      responses: { 200: { description: "One page of keys and the cursor of the next" } },
    }),
    requirePermission("api_keys:manage"),
    validate("query", ListApiKeysQuery),
    async (c) => {
      const request = workspaceRequest(c);
      const page = await request.run((tx) => listApiKeys(tx, request.workspaceId, c.req.valid("query")));
      return c.json(page);
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Create an API key; the response is the only time the secret is shown",
      responses: { 201: { description: "The key and its secret (`secret`), send it as `x-api-key`" } },
    }),
    requirePermission("api_keys:manage"),
    validate("json", CreateApiKeyBody),
    async (c) => {
      const request = workspaceRequest(c);
      const { key, secret, event } = await request.run((tx) => createApiKey(tx, request, c.req.valid("json")));
      await request.publish([event]);
      c.header("cache-control", "no-store");
      return c.json({ ...key, secret }, 201);
    },
  )
  .delete(
    "/:keyId",
    describeRoute({
      tags,
      summary: "Revoke an API key; it stops authenticating immediately",
      responses: { 200: { description: "The revoked key" }, 404: { description: "No such key in this workspace" } },
    }),
    requirePermission("api_keys:manage"),
    validate("param", ApiKeyParams),
    async (c) => {
      const request = workspaceRequest(c);
      const { key, event } = await request.run((tx) => revokeApiKey(tx, request, c.req.valid("param").keyId));
      await request.publish([event]);
      return c.json(key);
    },
  );
