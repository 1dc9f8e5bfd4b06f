import postgres from "postgres";
import type { Tx } from "../../../shared/db/database.ts";
import { listPage, type Page } from "../../../shared/db/pagination.ts";
import type { InvitationsRow } from "../../../shared/db/rows.generated.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import type { Emit, RequestScope } from "../../../shared/http/request-scope.ts";
import type { InvitationDelivery, InvitationMailer } from "./mailer.ts";
import type { InviteBody, ListInvitationsQuery } from "./schemas.ts";

type InvitationRow = Omit<InvitationsRow, "token_hash">;

const columns = (tx: Tx) => tx`
  id, workspace_id, email, role, invited_by, expires_at, accepted_at, accepted_by, revoked_at, created_at, updated_at`;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** Pending invitations: neither accepted, revoked nor expired. */
export async function listPendingInvitations(
  tx: Tx,
  workspaceId: string,
  query: ListInvitationsQuery,
): Promise<Page<InvitationRow>> {
  const page = await listPage<InvitationsRow>(tx, {
    table: "public.invitations",
    where: [tx`workspace_id = ${workspaceId}`, tx`accepted_at is null and revoked_at is null and expires_at > now()`],
    query,
  });
  return { ...page, items: page.items.map(({ token_hash: _hash, ...invitation }) => invitation) };
}

/**
 * Records an invitation (only the token's SHA-256 is stored) and emits `member.invited`,
 * then hands it to the mailer inside the same transaction: if the email cannot be sent, no
 * invitation is left behind. The event names the invitation and role, not the address, since
 * every member reads the event log and only admins may see invitations.
 */
export async function invite(
  tx: Tx,
  emit: Emit,
  scope: Pick<RequestScope, "workspaceId" | "actorId">,
  body: InviteBody,
  mailer: InvitationMailer,
): Promise<InvitationRow & { delivery: InvitationDelivery }> {
  const token = newToken();
  let invitation: InvitationRow | undefined;
  try {
    [invitation] = await tx<InvitationRow[]>`
      insert into public.invitations (workspace_id, email, role, token_hash, invited_by, expires_at)
      values (${scope.workspaceId}, ${body.email}, ${body.role}, ${await sha256Hex(token)}, ${scope.actorId},
              now() + make_interval(days => ${body.expires_in_days}))
      returning ${columns(tx)}`;
  } catch (err) {
    if (err instanceof postgres.PostgresError && err.code === "23505") {
      throw ApiError.conflict(
        `${body.email} already has a pending invitation to this workspace`,
        [{ field: "email", message: "already invited" }],
        "INVITATION_PENDING",
      );
    }
    throw err;
  }
  if (!invitation) throw new Error("invitations insert returned no row");
  await emit("member.invited", { invitation_id: invitation.id, role: invitation.role });
  const delivery = await mailer.deliver({
    email: invitation.email,
    workspaceId: scope.workspaceId,
    invitationId: invitation.id,
    role: invitation.role,
    token,
    expiresAt: invitation.expires_at,
  });
  return { ...invitation, delivery };
}
