import * as v from "valibot";
import { csvPicklist, cursorMatchesSort, listQueryEntries } from "../../shared/db/pagination.ts";
import { columnValues } from "../../shared/db/rows.generated.ts";
import {
  boundsInOrder,
  decimal,
  idParam,
  integer,
  labels,
  name,
  notEmpty,
  oneOf,
  strictBody,
  strictQuery,
  text,
  timestamp,
  uuid,
} from "../../shared/http/fields.ts";

export const QUEST_STATUSES = columnValues.quests.status;
export const CHAPTER_STATUSES = columnValues.quest_chapters.status;
/** Most success metrics one quest tracks. */
export const MAX_METRICS = 20;
/** Most chapters one quest holds. */
export const MAX_CHAPTERS = 100;

/** `:questId` in the path. */
export const QuestParam = idParam("questId");
/** `:questId/chapters/:chapterId` in the path. */
export const ChapterParams = v.object({ questId: uuid("questId"), chapterId: uuid("chapterId") });

const SuccessMetric = strictBody({
  metric: name("metric", 100),
  target: decimal("target", { min: 0, max: 1e15, decimals: 4 }),
  current: v.optional(decimal("current", { min: -1e15, max: 1e15, decimals: 4 }), 0),
  unit: v.optional(text("unit", 32), null),
});

/** A quest's success metrics, each named once; a PATCH replaces the whole list. */
const SuccessMetrics = v.pipe(
  v.array(SuccessMetric, "success_metrics must be an array"),
  v.maxLength(MAX_METRICS, `success_metrics may hold at most ${MAX_METRICS} metrics`),
  v.check(
    (metrics) => new Set(metrics.map((m) => m.metric.toLowerCase())).size === metrics.length,
    "success_metrics must name each metric once",
  ),
);

const chapterFields = {
  title: name("title"),
  description: v.optional(text("description")),
  objectives: v.optional(labels("objectives", 50)),
  status: v.optional(oneOf(CHAPTER_STATUSES, "status")),
};

const questFields = {
  name: name("name"),
  description: v.optional(text("description")),
  status: v.optional(oneOf(QUEST_STATUSES, "status")),
  success_metrics: v.optional(SuccessMetrics),
  reward_xp: v.optional(integer("reward_xp", 0, 1_000_000)),
  starts_at: v.optional(v.nullable(timestamp("starts_at"))),
  ends_at: v.optional(v.nullable(timestamp("ends_at"))),
};

/** POST /quests: a gamified milestone of a campaign, with its chapters in order. */
export const CreateQuestBody = v.pipe(
  strictBody({
    ...questFields,
    campaign_id: uuid("campaign_id"),
    chapters: v.optional(
      v.pipe(
        v.array(strictBody(chapterFields), "chapters must be an array"),
        v.maxLength(MAX_CHAPTERS, `chapters may hold at most ${MAX_CHAPTERS} chapters`),
      ),
    ),
  }),
  boundsInOrder("starts_at", "ends_at"),
);
export type CreateQuestInput = v.InferOutput<typeof CreateQuestBody>;

/** PATCH /quests/:id: details, status, success metrics (replaced whole) and dates. */
export const UpdateQuestBody = v.pipe(
  strictBody({ ...questFields, name: v.optional(questFields.name) }),
  notEmpty(),
  boundsInOrder("starts_at", "ends_at"),
);
export type UpdateQuestInput = v.InferOutput<typeof UpdateQuestBody>;

/** GET /quests: by campaign and status; sorted and paged. */
export const ListQuestsQuery = v.pipe(
  strictQuery({
    ...listQueryEntries({ sortable: ["created_at", "updated_at", "name"], defaultSort: "-created_at" }),
    campaign_id: v.optional(uuid("campaign_id")),
    status: v.optional(csvPicklist(QUEST_STATUSES, "status")),
  }),
  cursorMatchesSort(),
);
export type ListQuestsInput = v.InferOutput<typeof ListQuestsQuery>;

const position = integer("position", 1, MAX_CHAPTERS * 10);

/** POST /quests/:id/chapters: appended after the last chapter unless a free `position` is given. */
export const CreateChapterBody = strictBody({ ...chapterFields, position: v.optional(position) });
export type CreateChapterInput = v.InferOutput<typeof CreateChapterBody>;

/** PATCH /quests/:id/chapters/:chapterId. */
export const UpdateChapterBody = v.pipe(
  strictBody({ ...chapterFields, title: v.optional(chapterFields.title), position: v.optional(position) }),
  notEmpty(),
);
export type UpdateChapterInput = v.InferOutput<typeof UpdateChapterBody>;

/** GET /quests/:id/chapters: in order by default. */
export const ListChaptersQuery = v.pipe(
  strictQuery(listQueryEntries({ sortable: ["position", "created_at"], defaultSort: "position" })),
  cursorMatchesSort(),
);
