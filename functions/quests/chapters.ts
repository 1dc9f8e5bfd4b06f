import type { Tx } from "../../shared/db/database.ts";
import { type ListQuery, listPage, type Page } from "../../shared/db/pagination.ts";
import type { QuestChaptersRow, QuestsRow } from "../../shared/db/rows.generated.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { changedFields, type Emit } from "../../shared/http/request-scope.ts";
import { assertParentWritable } from "../campaigns/parent.ts";
import { defined } from "../campaigns/store.ts";
import { type CreateChapterInput, MAX_CHAPTERS, type UpdateChapterInput } from "./schemas.ts";
import { chapterCompletedAt, findQuest } from "./store.ts";

/** One page of a quest's chapters. */
export function listChapters(tx: Tx, quest: QuestsRow, query: ListQuery): Promise<Page<QuestChaptersRow>> {
  return listPage<QuestChaptersRow>(tx, {
    table: "public.quest_chapters",
    where: [tx`workspace_id = ${quest.workspace_id}`, tx`quest_id = ${quest.id}`],
    query,
  });
}

/** One chapter of one quest. */
export async function findChapter(tx: Tx, quest: QuestsRow, chapterId: string) {
  const [row] = await tx<QuestChaptersRow[]>`
    select * from public.quest_chapters
    where workspace_id = ${quest.workspace_id} and quest_id = ${quest.id} and id = ${chapterId}`;
  return row;
}

/**
 * The quest a chapter write belongs to, locked for update so concurrent writes cannot take the
 * same position, under a writable campaign. Undefined when the quest is not in the workspace.
 */
export async function questForChapterWrite(tx: Tx, workspaceId: string, questId: string) {
  const quest = await findQuest(tx, workspaceId, questId, true);
  if (quest) await assertParentWritable(tx, workspaceId, quest.campaign_id);
  return quest;
}

async function assertPositionFree(tx: Tx, quest: QuestsRow, position: number, chapterId?: string) {
  const [taken] = await tx`
    select 1 from public.quest_chapters
    where workspace_id = ${quest.workspace_id} and quest_id = ${quest.id} and position = ${position}
      and id is distinct from ${chapterId ?? null}`;
  if (taken) {
    throw ApiError.conflict(
      `Position ${position} already holds a chapter of this quest`,
      [{ field: "position", message: "already taken" }],
      "CHAPTER_POSITION_TAKEN",
    );
  }
}

/** Adds a chapter (after the last one unless a free position is given), recorded as `quest.updated`. */
export async function addChapter(tx: Tx, emit: Emit, quest: QuestsRow, input: CreateChapterInput) {
  const [stats] = await tx<{ count: number; last: number }[]>`
    select count(*)::int as count, coalesce(max(position), 0)::int as last from public.quest_chapters
    where workspace_id = ${quest.workspace_id} and quest_id = ${quest.id}`;
  if ((stats?.count ?? 0) >= MAX_CHAPTERS) {
    throw ApiError.unprocessable(`A quest holds at most ${MAX_CHAPTERS} chapters`, [], "CHAPTER_LIMIT_REACHED");
  }
  const position = input.position ?? (stats?.last ?? 0) + 1;
  if (input.position !== undefined) await assertPositionFree(tx, quest, position);
  const columns = defined({
    workspace_id: quest.workspace_id,
    quest_id: quest.id,
    position,
    title: input.title,
    description: input.description,
    objectives: tx.json(input.objectives ?? []),
    status: input.status,
    completed_at: chapterCompletedAt(input.status),
  });
  const [row] = await tx<QuestChaptersRow[]>`insert into public.quest_chapters ${tx(columns)} returning *`;
  if (!row) throw new Error("quest_chapters insert returned no row");
  await emit("quest.updated", {
    quest_id: quest.id,
    campaign_id: quest.campaign_id,
    change: "chapter_added",
    chapter_id: row.id,
    position: row.position,
  });
  return row;
}

/** Applies a PATCH to a chapter; undefined when it is not a chapter of the quest. */
export async function patchChapter(
  tx: Tx,
  emit: Emit,
  quest: QuestsRow,
  chapterId: string,
  input: UpdateChapterInput,
): Promise<QuestChaptersRow | undefined> {
  const current = await findChapter(tx, quest, chapterId);
  if (!current) return undefined;
  if (input.position !== undefined) await assertPositionFree(tx, quest, input.position, chapterId);
  const columns = defined({
    title: input.title,
    description: input.description,
    objectives: input.objectives === undefined ? undefined : tx.json(input.objectives),
    status: input.status,
    position: input.position,
    completed_at: chapterCompletedAt(input.status, current),
  });
  const [row] = await tx<QuestChaptersRow[]>`
    update public.quest_chapters set ${tx(columns)}
    where workspace_id = ${quest.workspace_id} and id = ${chapterId}
    returning *`;
  if (!row) throw new Error("quest_chapters update matched no row");
  await emit("quest.updated", {
    quest_id: quest.id,
    campaign_id: quest.campaign_id,
    change: "chapter_updated",
    chapter_id: chapterId,
    changed: changedFields(input),
  });
  return row;
}

/** Deletes a chapter (the others keep their positions); false when it is not a chapter of the quest. */
export async function deleteChapter(tx: Tx, emit: Emit, quest: QuestsRow, chapterId: string): Promise<boolean> {
  const current = await findChapter(tx, quest, chapterId);
  if (!current) return false;
  await tx`delete from public.quest_chapters where workspace_id = ${quest.workspace_id} and id = ${chapterId}`;
  await emit("quest.updated", {
    quest_id: quest.id,
    campaign_id: quest.campaign_id,
    change: "chapter_deleted",
    chapter_id: chapterId,
    position: current.position,
  });
  return true;
}
