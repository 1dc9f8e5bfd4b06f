import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { rateLimit } from "../../shared/http/rate-limit.ts";
import { callerScope, readAs, requestScope } from "../../shared/http/request-scope.ts";
import { type DataResponse, ERROR_RESPONSES, listResponse } from "../../shared/http/responses.ts";
import { validate } from "../../shared/http/validate.ts";
import { invitationsApp } from "./invitations/index.ts";
import { membersApp } from "./members/index.ts";
import { getWorkspace, listMyWorkspaces } from "./queries.ts";
import { ListWorkspacesQuery } from "./schemas.ts";

export type { Workspace, WorkspaceListResponse, WorkspaceResponse } from "./schemas.ts";

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
      responses: {
        200: { description: "`{ data: Workspace[], next_cursor }`" },
        400: ERROR_RESPONSES[400],
        401: ERROR_RESPONSES[401],
      },
    }),
    rateLimit(),
    validate("query", ListWorkspacesQuery),
    async (c) => {
      const scope = callerScope(c);
      const page = await readAs(scope, (tx) => listMyWorkspaces(tx, c.req.valid("query")));
      return c.json(listResponse(page));
    },
  )
  .get(
    "/:workspaceId",
    describeRoute({
      tags,
      summary: "Get a workspace and the caller's role in it",
      responses: { 200: { description: "`{ data: Workspace }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("workspace:read"),
    async (c) => {
      const scope = requestScope(c);
      const workspace = await readAs(scope, (tx) => getWorkspace(tx, scope.workspaceId));
      return c.json<DataResponse<typeof workspace>>({ data: workspace });
    },
  )
  .route("/:workspaceId/members", membersApp)
  .route("/:workspaceId/invitations", invitationsApp);
