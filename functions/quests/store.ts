import type { Tx } from "../../shared/db/database.ts";
import { listPage, oneOf, type Page } from "../../shared/db/pagination.ts";
import type { QuestChaptersRow, QuestsRow } from "../../shared/db/rows.generated.ts";
import { completionStamp } from "../../shared/domain/campaigns/index.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { inOrder } from "../../shared/http/fields.ts";
import { changedFields, type Emit } from "../../shared/http/request-scope.ts";
import { assertParentWritable, campaignForChildWrite } from "../campaigns/parent.ts";
import { defined } from "../campaigns/store.ts";
import type { CreateQuestInput, ListQuestsInput, UpdateQuestInput } from "./schemas.ts";
import { type QuestWithChapters, toChapter, toQuest } from "./serialize.ts";

/** One page of the workspace's quests. */
export function listQuests(tx: Tx, workspaceId: string, query: ListQuestsInput): Promise<Page<QuestsRow>> {
  return listPage<QuestsRow>(tx, {
    table: "public.quests",
    where: [
      tx`workspace_id = ${workspaceId}`,
      query.campaign_id ? tx`campaign_id = ${query.campaign_id}` : undefined,
      oneOf(tx, "status", query.status),
    ],
    query,
  });
}

/** One quest of the workspace, optionally locked (chapter writes lock it to serialise positions). */
export async function findQuest(tx: Tx, workspaceId: string, questId: string, lock = false) {
  const [row] = await tx<QuestsRow[]>`
    select * from public.quests where workspace_id = ${workspaceId} and id = ${questId}
    ${lock ? tx`for update` : tx``}`;
  return row;
}

/** A quest with its chapters in order. */
export async function withChapters(tx: Tx, quest: QuestsRow): Promise<QuestWithChapters> {
  const chapters = await tx<QuestChaptersRow[]>`
    select * from public.quest_chapters
    where workspace_id = ${quest.workspace_id} and quest_id = ${quest.id}
    order by position`;
  return { ...toQuest(quest), chapters: chapters.map(toChapter) };
}

/** The `completed_at` a chapter status write stores (see completionStamp). */
export function chapterCompletedAt(status: string | undefined, previous?: QuestChaptersRow) {
  return completionStamp(
    status,
    previous && { status: previous.status, completedAt: previous.completed_at },
    new Date(),
  );
}

/** Creates a quest of a writable campaign with its chapters (positions 1…n) and its `quest.created` event. */
export async function createQuest(
  tx: Tx,
  emit: Emit,
  scope: { workspaceId: string; actorId: string },
  input: CreateQuestInput,
): Promise<QuestsRow> {
  await campaignForChildWrite(tx, scope.workspaceId, input.campaign_id, "campaign_id");
  const columns = defined({
    workspace_id: scope.workspaceId,
    campaign_id: input.campaign_id,
    name: input.name,
    description: input.description,
    status: input.status,
    success_metrics: tx.json(input.success_metrics ?? []),
    reward_xp: input.reward_xp,
    starts_at: input.starts_at,
    ends_at: input.ends_at,
    created_by: scope.actorId,
  });
  const [quest] = await tx<QuestsRow[]>`insert into public.quests ${tx(columns)} returning *`;
  if (!quest) throw new Error("quests insert returned no row");
  const chapters = input.chapters ?? [];
  if (chapters.length > 0) {
    const rows = chapters.map((chapter, index) => ({
      workspace_id: scope.workspaceId,
      quest_id: quest.id,
      position: index + 1,
      title: chapter.title,
      description: chapter.description ?? null,
      objectives: tx.json(chapter.objectives ?? []),
      status: chapter.status ?? "locked",
      completed_at: chapterCompletedAt(chapter.status ?? "locked") ?? null,
    }));
    await tx`insert into public.quest_chapters ${tx(rows)}`;
  }
  await emit("quest.created", {
    quest_id: quest.id,
    campaign_id: quest.campaign_id,
    name: quest.name,
    status: quest.status,
    chapters: chapters.length,
  });
  return quest;
}

/** Applies a PATCH to a quest; the merged dates must stay in order. Undefined when not in the workspace. */
export async function patchQuest(
  tx: Tx,
  emit: Emit,
  workspaceId: string,
  questId: string,
  input: UpdateQuestInput,
): Promise<QuestsRow | undefined> {
  const current = await findQuest(tx, workspaceId, questId, true);
  if (!current) return undefined;
  await assertParentWritable(tx, workspaceId, current.campaign_id);
  const startsAt = input.starts_at === undefined ? current.starts_at?.toISOString() : input.starts_at;
  const endsAt = input.ends_at === undefined ? current.ends_at?.toISOString() : input.ends_at;
  if (!inOrder(startsAt, endsAt)) {
    const field = input.ends_at === undefined ? "starts_at" : "ends_at";
    throw ApiError.validation([{ field, location: "json", message: "ends_at must not be before starts_at" }]);
  }
  const columns = defined({
    name: input.name,
    description: input.description,
    status: input.status,
    success_metrics: input.success_metrics === undefined ? undefined : tx.json(input.success_metrics),
    reward_xp: input.reward_xp,
    starts_at: input.starts_at,
    ends_at: input.ends_at,
  });
  const [quest] = await tx<QuestsRow[]>`
    update public.quests set ${tx(columns)}
    where workspace_id = ${workspaceId} and id = ${questId}
    returning *`;
  if (!quest) throw new Error("quests update matched no row");
  await emit("quest.updated", {
    quest_id: quest.id,
    campaign_id: quest.campaign_id,
    changed: changedFields(input),
    status: quest.status,
  });
  return quest;
}

/** Deletes a quest and its chapters; false when it is not in the workspace. */
export async function deleteQuest(tx: Tx, emit: Emit, workspaceId: string, questId: string): Promise<boolean> {
  const current = await findQuest(tx, workspaceId, questId, true);
  if (!current) return false;
  await assertParentWritable(tx, workspaceId, current.campaign_id);
  await tx`delete from public.quests where workspace_id = ${workspaceId} and id = ${questId}`;
  await emit("quest.deleted", { quest_id: questId, campaign_id: current.campaign_id, name: current.name });
  return true;
}
