import type { Tx } from "../../../shared/db/database.ts";
import { ApiError } from "../../../shared/http/api-error.ts";

/**
 * Refuses users who are not members of the workspace, naming each one's field (`fieldOf` gets
 * its position): the Herald only ever notifies people who can read what it sends.
 */
export async function requireMembers(
  tx: Tx,
  workspaceId: string,
  userIds: readonly string[],
  fieldOf: (index: number) => string,
): Promise<void> {
  const rows = await tx<{ user_id: string }[]>`
    select user_id from public.workspace_members
    where workspace_id = ${workspaceId} and user_id in ${tx([...userIds])}`;
  const members = new Set(rows.map((row) => row.user_id));
  const issues = userIds.flatMap((id, index) =>
    members.has(id) ? [] : [{ field: fieldOf(index), message: "is not a member of this workspace" }],
  );
  if (issues.length > 0) throw ApiError.validation(issues);
}
