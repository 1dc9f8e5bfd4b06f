import * as v from "valibot";
import { csvPicklist, cursorMatchesSort, listQueryEntries } from "../../shared/db/pagination.ts";
import { ACHIEVEMENT_STATUSES, ACHIEVEMENT_TYPES } from "../../shared/domain/campaigns/index.ts";
import {
  decimal,
  idParam,
  integer,
  name,
  notEmpty,
  oneOf,
  strictBody,
  strictQuery,
  text,
  uuid,
} from "../../shared/http/fields.ts";

/** `:achievementId` in the path. */
export const AchievementParam = idParam("achievementId");

/** numeric(14,4): ten integer digits, four decimals. */
const measure = (field: string) => decimal(field, { min: -9_999_999_999.9999, max: 9_999_999_999.9999, decimals: 4 });

const editable = {
  title: name("title"),
  description: v.optional(text("description")),
  achievement_type: oneOf(ACHIEVEMENT_TYPES, "achievement_type"),
  status: v.optional(oneOf(ACHIEVEMENT_STATUSES, "status")),
  metric: v.optional(text("metric", 100)),
  target_value: v.optional(v.nullable(measure("target_value"))),
  current_value: v.optional(measure("current_value")),
  xp: v.optional(integer("xp", 0, 1_000_000)),
};

const METRIC_REQUIRED = "a metric_target achievement needs a metric";
const TARGET_REQUIRED = "a metric_target achievement needs a target_value";

/** A metric target measures something against a target; reported on whichever is missing. */
export function metricTargetIssues(state: {
  achievement_type?: string;
  metric?: string | null;
  target_value?: number | null;
}): { field: string; message: string }[] {
  if (state.achievement_type !== "metric_target") return [];
  const issues = [];
  if (!state.metric) issues.push({ field: "metric", message: METRIC_REQUIRED });
  if (state.target_value === null || state.target_value === undefined) {
    issues.push({ field: "target_value", message: TARGET_REQUIRED });
  }
  return issues;
}

/** POST /achievements: a milestone of the workspace, a campaign or one of its moves. */
export const CreateAchievementBody = v.pipe(
  strictBody({
    ...editable,
    campaign_id: v.optional(v.nullable(uuid("campaign_id"))),
    move_id: v.optional(v.nullable(uuid("move_id"))),
  }),
  v.forward(
    v.check((input) => !metricTargetIssues(input).some((issue) => issue.field === "metric"), METRIC_REQUIRED),
    ["metric"],
  ),
  v.forward(
    v.check((input) => !metricTargetIssues(input).some((issue) => issue.field === "target_value"), TARGET_REQUIRED),
    ["target_value"],
  ),
);
export type CreateAchievementInput = v.InferOutput<typeof CreateAchievementBody>;

/** PATCH /achievements/:id: progress, status and details; what it belongs to does not change. */
export const UpdateAchievementBody = v.pipe(
  strictBody({
    ...editable,
    title: v.optional(editable.title),
    achievement_type: v.optional(editable.achievement_type),
  }),
  notEmpty(),
);
export type UpdateAchievementInput = v.InferOutput<typeof UpdateAchievementBody>;

/** GET /achievements: by campaign, move, status and type; sorted and paged. */
export const ListAchievementsQuery = v.pipe(
  strictQuery({
    ...listQueryEntries({ sortable: ["created_at", "updated_at", "title", "xp"], defaultSort: "-created_at" }),
    campaign_id: v.optional(uuid("campaign_id")),
    move_id: v.optional(uuid("move_id")),
    status: v.optional(csvPicklist(ACHIEVEMENT_STATUSES, "status")),
    achievement_type: v.optional(csvPicklist(ACHIEVEMENT_TYPES, "achievement_type")),
  }),
  cursorMatchesSort(),
);
export type ListAchievementsInput = v.InferOutput<typeof ListAchievementsQuery>;
