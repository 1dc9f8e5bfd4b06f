import type { JSONParsed } from "hono/utils/types";
import * as v from "valibot";
import { ROLES } from "../../../shared/auth/permissions.ts";
import { cursorMatchesSort, listQueryEntries } from "../../../shared/db/pagination.ts";
import type { InvitationsRow } from "../../../shared/db/rows.generated.ts";
import { integer, oneOf, strictBody } from "../../../shared/http/fields.ts";
import type { DataResponse, ListResponse } from "../../../shared/http/responses.ts";
import type { InvitationDelivery } from "./mailer.ts";

/** `GET /invitations`: pending invitations, page and sort. */
export const ListInvitationsQuery = v.pipe(
  v.object(listQueryEntries({ sortable: ["created_at", "expires_at"], defaultSort: "-created_at" })),
  cursorMatchesSort(),
);
export type ListInvitationsQuery = v.InferOutput<typeof ListInvitationsQuery>;

/** `POST /invitations`: who, in which role, valid for how many days (default 7). */
export const InviteBody = strictBody({
  email: v.pipe(
    v.string("email must be a string"),
    v.trim(),
    v.toLowerCase(),
    v.maxLength(320, "email must be at most 320 characters"),
    v.email("email must be an email address"),
  ),
  role: v.optional(oneOf(ROLES, "role"), "viewer"),
  expires_in_days: v.optional(integer("expires_in_days", 1, 30), 7),
});
export type InviteBody = v.InferOutput<typeof InviteBody>;

/** An invitation as the API returns it: never the token or its hash. */
export type Invitation = JSONParsed<Omit<InvitationsRow, "token_hash">>;
/** `POST /invitations` answers with the invitation and how it was delivered. */
export type CreatedInvitation = Invitation & { delivery: InvitationDelivery };
/** `POST /invitations`. */
export type CreatedInvitationResponse = DataResponse<CreatedInvitation>;
/** `GET /invitations`: one page. */
export type InvitationListResponse = ListResponse<Invitation>;
