import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../../shared/app-env.ts";
import { requirePermission } from "../../../shared/auth/workspace-access.ts";
import { readAs, requestScope, writeAs } from "../../../shared/http/request-scope.ts";
import { type DataResponse, ERROR_RESPONSES, listResponse } from "../../../shared/http/responses.ts";
import { validate } from "../../../shared/http/validate.ts";
import { changeRole, listMembers, removeMember } from "./queries.ts";
import { ChangeRoleBody, ListMembersQuery, MemberParams } from "./schemas.ts";

export type { Member, MemberListResponse, MemberResponse } from "./schemas.ts";

const tags = ["members"];
const lastAdmin = { 409: { description: "The change would leave the workspace without an admin" } };

/** Workspace members: list, change role, remove (admins manage; the last admin stays). */
export const membersApp = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "List the workspace's members with their roles",
      responses: { 200: { description: "`{ data: Member[], next_cursor }`" }, ...ERROR_RESPONSES },
    }),
    requirePermission("members:read"),
    validate("query", ListMembersQuery),
    async (c) => {
      const scope = requestScope(c);
      const page = await readAs(scope, (tx) => listMembers(tx, scope.workspaceId, c.req.valid("query")));
      return c.json(listResponse(page));
    },
  )
  .patch(
    "/:userId",
    describeRoute({
      tags,
      summary: "Change a member's role",
      responses: { 200: { description: "`{ data: Member }` with the new role" }, ...ERROR_RESPONSES, ...lastAdmin },
    }),
    requirePermission("members:manage"),
    validate("param", MemberParams),
    validate("json", ChangeRoleBody),
    async (c) => {
      const scope = requestScope(c);
      const { userId } = c.req.valid("param");
      const member = await writeAs(scope, (tx, emit) =>
        changeRole(tx, emit, scope.workspaceId, userId, c.req.valid("json").role),
      );
      return c.json<DataResponse<typeof member>>({ data: member });
    },
  )
  .delete(
    "/:userId",
    describeRoute({
      tags,
      summary: "Remove a member from the workspace",
      responses: { 204: { description: "Removed" }, ...ERROR_RESPONSES, ...lastAdmin },
    }),
    requirePermission("members:manage"),
    validate("param", MemberParams),
    async (c) => {
      const scope = requestScope(c);
      const { userId } = c.req.valid("param");
      await writeAs(scope, (tx, emit) => removeMember(tx, emit, scope.workspaceId, userId));
      return c.body(null, 204);
    },
  );
