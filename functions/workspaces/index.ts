import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { rateLimit } from "../../shared/http/rate-limit.ts";
import { validate } from "../../shared/http/validate.ts";
import { invitationsApp } from "./invitations/index.ts";
import { membersApp } from "./members/index.ts";
import { getWorkspace, listMyWorkspaces } from "./queries.ts";
import { callerRequest, workspaceRequest } from "./request.ts";
import { ListWorkspacesQuery } from "./schemas.ts";

const tags = ["workspaces"];

/**
 * Mounted at `/api/workspaces`. `GET /` is the one route here outside a workspace (so no
 * workspace middleware ran: it rate-limits itself); everything under `/:workspaceId` already
 * passed membership, rate limit and idempotency in app.ts.
 */
export const workspacesApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List the workspaces the caller belongs to, with their role in each",
      responses: { 200: { description: "One page of workspaces and the cursor of the next" } },
    }),
    rateLimit(),
    validate("query", ListWorkspacesQuery),
    async (c) => {
      const request = callerRequest(c);
      const page = await request.run((tx) => listMyWorkspaces(tx, c.req.valid("query")));
      return c.json(page);
    },
  )
  .get(
    "/:workspaceId",
    describeRoute({
      tags,
      summary: "Get a workspace and the caller's role in it",
      responses: {
        200: { description: "The workspace" },
        404: { description: "Not a workspace the caller belongs to" },
      },
    }),
    requirePermission("workspace:read"),
    async (c) => {
      const request = workspaceRequest(c);
      const workspace = await request.run((tx) => getWorkspace(tx, request.workspaceId));
      return c.json(workspace);
    },
  )
  .route("/:workspaceId/members", membersApp)
  .route("/:workspaceId/invitations", invitationsApp);
