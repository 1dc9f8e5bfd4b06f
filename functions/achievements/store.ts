import type { Tx } from "../../shared/db/database.ts";
import { listPage, oneOf, type Page } from "../../shared/db/pagination.ts";
import type { AchievementsRow } from "../../shared/db/rows.generated.ts";
import { settleAchievement } from "../../shared/domain/campaigns/index.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { changedFields, type Emit } from "../../shared/http/request-scope.ts";
import { numeric } from "../../shared/http/responses.ts";
import { assertParentWritable, campaignForChildWrite, unknownReference } from "../campaigns/parent.ts";
import { defined } from "../campaigns/store.ts";
import {
  type CreateAchievementInput,
  type ListAchievementsInput,
  metricTargetIssues,
  type UpdateAchievementInput,
} from "./schemas.ts";

/** One page of the workspace's achievements. */
export function listAchievements(
  tx: Tx,
  workspaceId: string,
  query: ListAchievementsInput,
): Promise<Page<AchievementsRow>> {
  return listPage<AchievementsRow>(tx, {
    table: "public.achievements",
    where: [
      tx`workspace_id = ${workspaceId}`,
      query.campaign_id ? tx`campaign_id = ${query.campaign_id}` : undefined,
      query.move_id ? tx`move_id = ${query.move_id}` : undefined,
      oneOf(tx, "status", query.status),
      oneOf(tx, "achievement_type", query.achievement_type),
    ],
    query,
  });
}

/** One achievement of the workspace, optionally locked for a read-modify-write. */
export async function findAchievement(tx: Tx, workspaceId: string, achievementId: string, lock = false) {
  const [row] = await tx<AchievementsRow[]>`
    select * from public.achievements where workspace_id = ${workspaceId} and id = ${achievementId}
    ${lock ? tx`for update` : tx``}`;
  return row;
}

/**
 * What a new achievement belongs to: a move brings its campaign, and a campaign named alongside
 * must be that one. The campaign, if any, must be writable.
 */
async function resolveOwner(tx: Tx, workspaceId: string, input: CreateAchievementInput) {
  let campaignId = input.campaign_id ?? null;
  if (input.move_id) {
    const [move] = await tx<{ campaign_id: string }[]>`
      select campaign_id from public.moves where workspace_id = ${workspaceId} and id = ${input.move_id}`;
    if (!move) throw unknownReference("move_id", "move");
    if (campaignId && move.campaign_id !== campaignId.toLowerCase()) {
      throw unknownReference("move_id", "move", "in that campaign");
    }
    campaignId = move.campaign_id;
  }
  if (campaignId)
    await campaignForChildWrite(tx, workspaceId, campaignId, input.campaign_id ? "campaign_id" : "move_id");
  return { campaignId, moveId: input.move_id ?? null };
}

/** Creates an achievement (a reached metric target unlocks at once) with its `achievement.created` event. */
export async function createAchievement(
  tx: Tx,
  emit: Emit,
  scope: { workspaceId: string; actorId: string },
  input: CreateAchievementInput,
): Promise<AchievementsRow> {
  const owner = await resolveOwner(tx, scope.workspaceId, input);
  const settled = settleAchievement(
    {
      type: input.achievement_type,
      status: input.status ?? "locked",
      targetValue: input.target_value ?? null,
      currentValue: input.current_value ?? 0,
      unlockedAt: null,
    },
    new Date(),
  );
  const columns = defined({
    workspace_id: scope.workspaceId,
    campaign_id: owner.campaignId,
    move_id: owner.moveId,
    title: input.title,
    description: input.description,
    achievement_type: input.achievement_type,
    metric: input.metric,
    target_value: input.target_value,
    current_value: input.current_value,
    xp: input.xp,
    status: settled.status,
    unlocked_at: settled.unlockedAt,
    created_by: scope.actorId,
  });
  const [row] = await tx<AchievementsRow[]>`insert into public.achievements ${tx(columns)} returning *`;
  if (!row) throw new Error("achievements insert returned no row");
  await emit("achievement.created", {
    achievement_id: row.id,
    campaign_id: row.campaign_id,
    move_id: row.move_id,
    title: row.title,
    status: row.status,
  });
  return row;
}

/**
 * Applies a PATCH to an achievement, re-settling its status against the merged values; the event
 * says whether this write unlocked it. Undefined when it is not in the workspace.
 */
export async function patchAchievement(
  tx: Tx,
  emit: Emit,
  workspaceId: string,
  achievementId: string,
  input: UpdateAchievementInput,
): Promise<AchievementsRow | undefined> {
  const current = await findAchievement(tx, workspaceId, achievementId, true);
  if (!current) return undefined;
  await assertParentWritable(tx, workspaceId, current.campaign_id);
  const merged = {
    achievement_type: input.achievement_type ?? current.achievement_type,
    metric: input.metric === undefined ? current.metric : input.metric,
    target_value: input.target_value === undefined ? numeric(current.target_value) : input.target_value,
    current_value: input.current_value ?? Number(current.current_value),
  };
  const issues = metricTargetIssues(merged);
  if (issues.length > 0) throw ApiError.validation(issues.map((issue) => ({ ...issue, location: "json" })));
  const settled = settleAchievement(
    {
      type: merged.achievement_type,
      status: input.status ?? current.status,
      targetValue: merged.target_value,
      currentValue: merged.current_value,
      unlockedAt: current.unlocked_at,
    },
    new Date(),
  );
  const columns = defined({
    title: input.title,
    description: input.description,
    achievement_type: input.achievement_type,
    metric: input.metric,
    target_value: input.target_value,
    current_value: input.current_value,
    xp: input.xp,
    status: settled.status,
    unlocked_at: settled.unlockedAt,
  });
  const [row] = await tx<AchievementsRow[]>`
    update public.achievements set ${tx(columns)}
    where workspace_id = ${workspaceId} and id = ${achievementId}
    returning *`;
  if (!row) throw new Error("achievements update matched no row");
  await emit("achievement.updated", {
    achievement_id: row.id,
    campaign_id: row.campaign_id,
    changed: changedFields(input),
    status: row.status,
    unlocked: current.status !== "unlocked" && row.status === "unlocked",
  });
  return row;
}

/** Deletes an achievement; false when it is not in the workspace. */
export async function deleteAchievement(tx: Tx, emit: Emit, workspaceId: string, achievementId: string) {
  const current = await findAchievement(tx, workspaceId, achievementId, true);
  if (!current) return false;
  await assertParentWritable(tx, workspaceId, current.campaign_id);
  await tx`delete from public.achievements where workspace_id = ${workspaceId} and id = ${achievementId}`;
  await emit("achievement.deleted", {
    achievement_id: achievementId,
    campaign_id: current.campaign_id,
    title: current.title,
  });
  return true;
}
