import type { JSONParsed } from "hono/utils/types";
import * as v from "valibot";
import { ROLES, type Role } from "../../../shared/auth/permissions.ts";
import { csvPicklist, cursorMatchesSort, listQueryEntries } from "../../../shared/db/pagination.ts";
import { oneOf, strictBody, uuid } from "../../../shared/http/fields.ts";
import type { DataResponse, ListResponse } from "../../../shared/http/responses.ts";

/** `GET /members`: page, sort and a role filter. */
export const ListMembersQuery = v.pipe(
  v.object({
    ...listQueryEntries({ sortable: ["created_at"], defaultSort: "created_at" }),
    role: v.optional(csvPicklist(ROLES, "role")),
  }),
  cursorMatchesSort(),
);
export type ListMembersQuery = v.InferOutput<typeof ListMembersQuery>;

/** `PATCH /members/:userId`. */
export const ChangeRoleBody = strictBody({ role: oneOf(ROLES, "role") });
export type ChangeRoleBody = v.InferOutput<typeof ChangeRoleBody>;

/** `:userId` path parameter: members are addressed by their user id. */
export const MemberParams = v.object({ userId: uuid("userId") });

/** A workspace member as the API returns it: the membership and the profile's display fields. */
export type Member = JSONParsed<{
  id: string;
  workspace_id: string;
  user_id: string;
  role: Role;
  invited_by: string | null;
  display_name: string | null;
  avatar_url: string | null;
  created_at: Date;
  updated_at: Date;
}>;
/** `PATCH /members/:userId`. */
export type MemberResponse = DataResponse<Member>;
/** `GET /members`: one page. */
export type MemberListResponse = ListResponse<Member>;
