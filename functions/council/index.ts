import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { validate } from "../../shared/http/validate.ts";
import { workspaceRequest } from "../workspaces/request.ts";
import { listDecisions } from "./queries.ts";
import type { DecisionsResponse } from "./schemas.ts";
import { DecisionsQuery } from "./schemas.ts";

export type { CouncilDecision, DecisionsResponse } from "./schemas.ts";

/** The Council of Lords as a whole, mounted at `/api/workspaces/:workspaceId/council`. */
export const councilApp = new Hono<AppEnv>().get(
  "/decisions",
  describeRoute({
    tags: ["council"],
    summary: "Recent routing decisions, overrides, approvals and rulings across the Lords, newest first",
    responses: { 200: { description: "One page of decisions and the cursor of the next" } },
  }),
  requirePermission("lords:read"),
  validate("query", DecisionsQuery),
  async (c) => {
    const request = workspaceRequest(c);
    const data = await request.run((tx) => listDecisions(tx, request.workspaceId, c.req.valid("query")));
    return c.json({ status: "success", data } satisfies DecisionsResponse);
  },
);
