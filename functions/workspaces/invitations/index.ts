import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../../shared/app-env.ts";
import { requirePermission } from "../../../shared/auth/workspace-access.ts";
import { validate } from "../../../shared/http/validate.ts";
import { workspaceRequest } from "../request.ts";
import { invitationMailer } from "./mailer.ts";
import { invite, listPendingInvitations } from "./queries.ts";
import { InviteBody, ListInvitationsQuery } from "./schemas.ts";

const tags = ["members"];

/** Invitations to a workspace (admins): list pending, invite by email. */
export const invitationsApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List pending invitations",
      responses: { 200: { description: "One page of pending invitations (never their tokens)" } },
    }),
    requirePermission("members:manage"),
    validate("query", ListInvitationsQuery),
    async (c) => {
      const request = workspaceRequest(c);
      const page = await request.run((tx) => listPendingInvitations(tx, request.workspaceId, c.req.valid("query")));
      return c.json(page);
    },
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Invite someone by email (Supabase Auth sends the email in deployed environments)",
      responses: {
        201: { description: "The invitation and how it was delivered (email or recorded)" },
        409: { description: "The address already has a pending invitation" },
        502: { description: "Supabase Auth could not send the email; nothing was recorded" },
      },
    }),
    requirePermission("members:manage"),
    validate("json", InviteBody),
    async (c) => {
      const request = workspaceRequest(c);
      const mailer = invitationMailer(c.get("services").config);
      const { invitation, delivery, event } = await request.run((tx) =>
        invite(tx, request, c.req.valid("json"), mailer),
      );
      await request.publish([event]);
      return c.json({ ...invitation, delivery }, 201);
    },
  );
