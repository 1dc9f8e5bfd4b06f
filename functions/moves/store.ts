import type { Tx } from "../../shared/db/database.ts";
import { listPage, oneOf, type Page } from "../../shared/db/pagination.ts";
import type { MovesRow } from "../../shared/db/rows.generated.ts";
import { completionStamp } from "../../shared/domain/campaigns/index.ts";
import { changedFields, type Emit } from "../../shared/http/request-scope.ts";
import { assertParentWritable, campaignForChildWrite, unknownReference } from "../campaigns/parent.ts";
import { defined } from "../campaigns/store.ts";
import type { CreateMoveInput, ListMovesInput, UpdateMoveInput } from "./schemas.ts";

/** One page of the workspace's moves. */
export function listMoves(tx: Tx, workspaceId: string, query: ListMovesInput): Promise<Page<MovesRow>> {
  return listPage<MovesRow>(tx, {
    table: "public.moves",
    where: [
      tx`workspace_id = ${workspaceId}`,
      query.campaign_id ? tx`campaign_id = ${query.campaign_id}` : undefined,
      oneOf(tx, "status", query.status),
      oneOf(tx, "move_type", query.move_type),
      oneOf(tx, "priority", query.priority),
      oneOf(tx, "channel", query.channel),
    ],
    query,
  });
}

/** One move of the workspace, optionally locked for a read-modify-write. */
export async function findMove(tx: Tx, workspaceId: string, moveId: string, lock = false) {
  const [row] = await tx<MovesRow[]>`
    select * from public.moves where workspace_id = ${workspaceId} and id = ${moveId}
    ${lock ? tx`for update` : tx``}`;
  return row;
}

/** Guilds and agents are shared reference data: the ids must exist, and an agent must be of the guild. */
async function assertAssignees(tx: Tx, guildId: string | null | undefined, agentId: string | null | undefined) {
  if (guildId) {
    const [guild] = await tx`select 1 from public.guilds where id = ${guildId}`;
    if (!guild) throw unknownReference("guild_id", "guild", "in the registry");
  }
  if (agentId) {
    const [agent] = await tx<{ guild_id: string }[]>`select guild_id from public.agent_registry where id = ${agentId}`;
    if (!agent) throw unknownReference("agent_id", "agent", "in the registry");
    if (guildId && agent.guild_id !== guildId) throw unknownReference("agent_id", "agent", "in that guild");
  }
}

function moveColumns(input: CreateMoveInput | UpdateMoveInput, previous?: MovesRow) {
  return defined({
    name: input.name,
    description: input.description,
    move_type: input.move_type,
    channel: input.channel,
    status: input.status,
    priority: input.priority,
    guild_id: input.guild_id,
    agent_id: input.agent_id,
    due_at: input.due_at,
    position: input.position,
    completed_at: completionStamp(
      input.status,
      previous && { status: previous.status, completedAt: previous.completed_at },
      new Date(),
    ),
  });
}

/** Adds a move to a writable campaign of the workspace, with its `move.created` event. */
export async function createMove(
  tx: Tx,
  emit: Emit,
  scope: { workspaceId: string; actorId: string },
  input: CreateMoveInput,
): Promise<MovesRow> {
  await campaignForChildWrite(tx, scope.workspaceId, input.campaign_id, "campaign_id");
  await assertAssignees(tx, input.guild_id, input.agent_id);
  const columns = {
    ...moveColumns(input),
    workspace_id: scope.workspaceId,
    campaign_id: input.campaign_id,
    created_by: scope.actorId,
  };
  const [row] = await tx<MovesRow[]>`insert into public.moves ${tx(columns)} returning *`;
  if (!row) throw new Error("moves insert returned no row");
  await emit("move.created", {
    move_id: row.id,
    campaign_id: row.campaign_id,
    name: row.name,
    move_type: row.move_type,
    status: row.status,
  });
  return row;
}

/** Applies a PATCH to a move; undefined when it is not in the workspace. */
export async function patchMove(
  tx: Tx,
  emit: Emit,
  workspaceId: string,
  moveId: string,
  input: UpdateMoveInput,
): Promise<MovesRow | undefined> {
  const current = await findMove(tx, workspaceId, moveId, true);
  if (!current) return undefined;
  await assertParentWritable(tx, workspaceId, current.campaign_id);
  // Checked as they will be after this write: a new guild must still hold the current agent.
  if (input.guild_id !== undefined || input.agent_id !== undefined) {
    const guildId = input.guild_id === undefined ? current.guild_id : input.guild_id;
    const agentId = input.agent_id === undefined ? current.agent_id : input.agent_id;
    await assertAssignees(tx, guildId, agentId);
  }
  const [row] = await tx<MovesRow[]>`
    update public.moves set ${tx(moveColumns(input, current))}
    where workspace_id = ${workspaceId} and id = ${moveId}
    returning *`;
  if (!row) throw new Error("moves update matched no row");
  await emit("move.updated", {
    move_id: row.id,
    campaign_id: row.campaign_id,
    changed: changedFields(input),
    status: row.status,
  });
  return row;
}

/** Deletes a move; false when it is not in the workspace. */
export async function deleteMove(tx: Tx, emit: Emit, workspaceId: string, moveId: string): Promise<boolean> {
  const current = await findMove(tx, workspaceId, moveId, true);
  if (!current) return false;
  await assertParentWritable(tx, workspaceId, current.campaign_id);
  await tx`delete from public.moves where workspace_id = ${workspaceId} and id = ${moveId}`;
  await emit("move.deleted", { move_id: moveId, campaign_id: current.campaign_id, name: current.name });
  return true;
}
