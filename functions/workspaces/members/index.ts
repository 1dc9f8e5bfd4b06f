import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../../shared/app-env.ts";
import { requirePermission } from "../../../shared/auth/workspace-access.ts";
import { validate } from "../../../shared/http/validate.ts";
import { workspaceRequest } from "../request.ts";
import { changeRole, listMembers, removeMember } from "./queries.ts";
import { ChangeRoleBody, ListMembersQuery, MemberParams } from "./schemas.ts";

const tags = ["members"];
const lastAdmin = { 409: { description: "The change would leave the workspace without an admin" } };
const notFound = { 404: { description: "No such member of this workspace" } };

/** Workspace members: list, change role, remove (admins manage; the last admin stays). */
export const membersApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List the workspace's members with their roles",
      responses: { 200: { description: "One page of members and the cursor of the next" } },
    }),
    requirePermission("members:read"),
    validate("query", ListMembersQuery),
    async (c) => {
      const request = workspaceRequest(c);
      const page = await request.run((tx) => listMembers(tx, request.workspaceId, c.req.valid("query")));
      return c.json(page);
    },
  )
  .patch(
    "/:userId",
    describeRoute({
      tags,
      summary: "Change a member's role",
      responses: { 200: { description: "The member with the new role" }, ...notFound, ...lastAdmin },
    }),
    requirePermission("members:manage"),
    validate("param", MemberParams),
    validate("json", ChangeRoleBody),
    async (c) => {
      const request = workspaceRequest(c);
      const { userId } = c.req.valid("param");
      const { member, event } = await request.run((tx) => changeRole(tx, request, userId, c.req.valid("json").role));
      await request.publish([event]);
      return c.json(member);
    },
  )
  .delete(
    "/:userId",
    describeRoute({
      tags,
      summary: "Remove a member from the workspace",
      responses: { 204: { description: "Removed" }, ...notFound, ...lastAdmin },
    }),
    requirePermission("members:manage"),
    validate("param", MemberParams),
    async (c) => {
      const request = workspaceRequest(c);
      const { userId } = c.req.valid("param");
      const event = await request.run((tx) => removeMember(tx, request, userId));
      await request.publish([event]);
      return c.body(null, 204);
    },
  );
