import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../../shared/app-env.ts";
import { requirePermission } from "../../../shared/auth/workspace-access.ts";
import { readAs, requestScope, writeAs } from "../../../shared/http/request-scope.ts";
import { type DataResponse, ERROR_RESPONSES, listResponse } from "../../../shared/http/responses.ts";
import { validate } from "../../../shared/http/validate.ts";
import { invitationMailer } from "./mailer.ts";
import { invite, listPendingInvitations } from "./queries.ts";
import { InviteBody, ListInvitationsQuery } from "./schemas.ts";

export type {
  CreatedInvitation,
  CreatedInvitationResponse,
  Invitation,
  InvitationListResponse,
} from "./schemas.ts";

const tags = ["members"];

/** Invitations to a workspace (admins): list pending, invite by email. */
export const invitationsApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List pending invitations",
      responses: {
        200: { description: "`{ data: Invitation[], next_cursor }`, pending only, never their tokens" },
        ...ERROR_RESPONSES,
      },
    }),
    requirePermission("members:manage"),
    validate("query", ListInvitationsQuery),
    async (c) => {
      const scope = requestScope(c);
      const page = await readAs(scope, (tx) => listPendingInvitations(tx, scope.workspaceId, c.req.valid("query")));
      return c.json(listResponse(page));
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Invite someone by email (Supabase Auth sends the email in deployed environments)",
      responses: {
        // No `Location`: an invitation has no URL of its own; it is listed under GET /invitations.
        201: { description: "`{ data: CreatedInvitation }`: the invitation and how it was delivered" },
        ...ERROR_RESPONSES,
        409: { description: "The address already has a pending invitation" },
        502: { description: "Supabase Auth could not send the email; nothing was recorded" },
      },
    }),
    requirePermission("members:manage"),
    validate("json", InviteBody),
    async (c) => {
      const scope = requestScope(c);
      const mailer = invitationMailer(c.get("services").config);
      const invitation = await writeAs(scope, (tx, emit) => invite(tx, emit, scope, c.req.valid("json"), mailer));
      return c.json<DataResponse<typeof invitation>>({ data: invitation }, 201);
    },
  );
