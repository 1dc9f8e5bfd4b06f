import postgres from "postgres";
import type { Role } from "../../../shared/auth/permissions.ts";
import type { Tx } from "../../../shared/db/database.ts";
import {
  and,
  cursorSelect,
  keysetCondition,
  oneOf,
  orderByClause,
  type Page,
  toPage,
} from "../../../shared/db/pagination.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import type { Emit } from "../../../shared/http/request-scope.ts";
import type { ListMembersQuery, Member } from "./schemas.ts";

type MemberRow = Omit<Member, "created_at" | "updated_at"> & { created_at: Date; updated_at: Date };

const columns = (tx: Tx) => tx`
  m.id, m.workspace_id, m.user_id, m.role, m.invited_by, p.display_name, p.avatar_url, m.created_at, m.updated_at`;

/** One page of the workspace's members with their display names, oldest membership first. */
export async function listMembers(tx: Tx, workspaceId: string, query: ListMembersQuery): Promise<Page<MemberRow>> {
  const rows = await tx<(MemberRow & { _cursor: string | null })[]>`
    select ${columns(tx)}, ${cursorSelect(tx, query, "m")}
    from public.workspace_members m
    left join public.user_profiles p on p.user_id = m.user_id
    where ${and(tx, [tx`m.workspace_id = ${workspaceId}`, oneOf(tx, "role", query.role, "m"), keysetCondition(tx, query, "m")])}
    ${orderByClause(tx, query, "m")}
    limit ${query.limit + 1}`;
  return toPage(rows, query);
}

async function lockMember(tx: Tx, workspaceId: string, userId: string): Promise<MemberRow> {
  const [member] = await tx<MemberRow[]>`
    select ${columns(tx)}
    from public.workspace_members m
    left join public.user_profiles p on p.user_id = m.user_id
    where m.workspace_id = ${workspaceId} and m.user_id = ${userId}
    for update of m`;
  if (!member) throw ApiError.notFound("Member not found", "MEMBER_NOT_FOUND");
  return member;
}

/** The schema's keep_one_workspace_admin trigger refuses with check_violation; that is a 409. */
async function keepingOneAdmin<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (err) {
    if (err instanceof postgres.PostgresError && err.code === "23514" && /keep at least one admin/.test(err.message)) {
      throw ApiError.conflict(
        "A workspace must keep at least one admin: promote another member first",
        [{ field: "role", message: "would leave the workspace without an admin" }],
        "LAST_ADMIN",
      );
    }
    throw err;
  }
}

/**
 * Changes a member's role. The event is emitted before the change: an admin demoting
 * themselves loses the right to write events (RLS) the moment the update lands, and the
 * transaction still makes the two all-or-nothing.
 */
export async function changeRole(
  tx: Tx,
  emit: Emit,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<MemberRow> {
  const member = await lockMember(tx, workspaceId, userId);
  if (member.role === role) return member;
  await emit("member.role_changed", { user_id: userId, from: member.role, to: role });
  const [updated] = await keepingOneAdmin(
    () => tx<{ role: Role; updated_at: Date }[]>`
      update public.workspace_members set role = ${role}
      where workspace_id = ${workspaceId} and user_id = ${userId}
      returning role, updated_at`,
  );
  if (!updated) throw ApiError.notFound("Member not found", "MEMBER_NOT_FOUND");
  return { ...member, ...updated };
}

/** Removes a member; the event goes first for the same reason as in `changeRole`. */
export async function removeMember(tx: Tx, emit: Emit, workspaceId: string, userId: string): Promise<void> {
  const member = await lockMember(tx, workspaceId, userId);
  await emit("member.removed", { user_id: userId, role: member.role });
  await keepingOneAdmin(
    () => tx`delete from public.workspace_members where workspace_id = ${workspaceId} and user_id = ${userId}`,
  );
}
