import * as v from "valibot";
import {
  decimal,
  labels,
  name,
  oneOf,
  strictBody,
  strictQuery,
  text,
  timestamp,
  uuid,
} from "../../../functions/campaigns/fields.ts";
import { columnValues } from "../../../shared/db/rows.generated.ts";
import { EXECUTION_STATUSES, PRIORITY_LEVELS, RESOURCE_TYPES } from "../../../shared/domain/strategos/index.ts";
import { listQuerySchema } from "./list-query.ts";

/** Guild slugs (the `guilds` reference table). */
export const GUILD_SLUGS = columnValues.guilds.slug;
/** Largest value a numeric(8,2) hours column holds. */
export const MAX_HOURS = 999_999.99;
/** Largest value a numeric(14,4) quantity column holds. */
export const MAX_QUANTITY = 9_999_999_999.9999;
/** Most tasks one plan may be created with: CPM is quadratic in the ready-task scan. */
export const MAX_PLAN_TASKS = 200;

/** A capability name as agent_capabilities stores it. */
const capabilityName = v.pipe(
  v.string("required_capabilities entries must be strings"),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^[a-z][a-z0-9_]*$/, "required_capabilities entries must be snake_case capability names"),
);
const requiredCapabilities = v.pipe(
  v.array(capabilityName, "required_capabilities must be an array"),
  v.maxLength(20, "required_capabilities may hold at most 20 entries"),
);

/** A task key: how tasks of a new plan refer to each other before they have ids. */
const taskKey = (field: string) =>
  v.pipe(
    v.string(`${field} must be a string`),
    v.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, `${field} must be 1-64 letters, digits, '_', '.' or '-'`),
  );

const NewTask = strictBody({
  key: taskKey("key"),
  name: name("name"),
  description: v.optional(text("description")),
  estimated_hours: decimal("estimated_hours", { min: 0, max: MAX_HOURS, decimals: 2 }),
  deadline: v.optional(timestamp("deadline")),
  priority: v.optional(oneOf(PRIORITY_LEVELS, "priority")),
  depends_on: v.optional(
    v.pipe(v.array(taskKey("depends_on entries"), "depends_on must be an array"), v.maxLength(50)),
  ),
  required_capabilities: v.optional(requiredCapabilities),
});
/** One task of a new plan, validated. */
export type NewTask = v.InferOutput<typeof NewTask>;

const before = (start: string | undefined, end: string | undefined) =>
  !start || !end || Date.parse(end) >= Date.parse(start);

/**
 * `create_execution_plan`: objectives and tasks with estimates, deadlines, priorities and
 * dependencies by task key (checked against each other by `taskReferenceIssues`; a cycle is found
 * by the critical-path pass and answered with a 400 naming it).
 */
export const CreatePlanInput = v.pipe(
  strictBody({
    name: name("name"),
    description: v.optional(text("description")),
    objectives: v.pipe(labels("objectives", 50), v.minLength(1, "objectives must name at least one objective")),
    priority: v.optional(oneOf(PRIORITY_LEVELS, "priority")),
    start_at: v.optional(timestamp("start_at")),
    deadline: v.optional(timestamp("deadline")),
    campaign_id: v.optional(uuid("campaign_id")),
    initiative_id: v.optional(uuid("initiative_id")),
    tasks: v.pipe(
      v.array(NewTask, "tasks must be an array"),
      v.minLength(1, "tasks must hold at least one task"),
      v.maxLength(MAX_PLAN_TASKS, `tasks may hold at most ${MAX_PLAN_TASKS} tasks`),
    ),
  }),
  v.forward(
    v.check((input) => before(input.start_at, input.deadline), "deadline must not be before start_at"),
    ["deadline"],
  ),
);
/** Validated `create_execution_plan` input. */
export type CreatePlanInput = v.InferOutput<typeof CreatePlanInput>;

/** The body of `POST /tasks/assign`. */
export const AssignTaskInput = strictBody({
  task_id: uuid("task_id"),
  required_capabilities: v.optional(requiredCapabilities),
  guild: v.optional(oneOf(GUILD_SLUGS, "guild")),
  agent_codes: v.optional(
    v.pipe(
      v.array(
        v.pipe(
          v.string(),
          v.regex(/^(RES|MUSE|MTX|GRD)-\d{3}$/, "agent_codes entries must be guild agent codes like MUSE-001"),
        ),
      ),
      v.minLength(1, "agent_codes must name at least one agent"),
      v.maxLength(100),
    ),
  ),
  capacity_hours: v.optional(decimal("capacity_hours", { min: 0.01, max: MAX_HOURS, decimals: 2 })),
});
/** Validated `assign_task` input. */
export type AssignTaskInput = v.InferOutput<typeof AssignTaskInput>;

/** The body of `POST /resources/allocate`. */
export const AllocateResourceInput = strictBody({
  resource_type: oneOf(RESOURCE_TYPES, "resource_type"),
  quantity: decimal("quantity", { min: 0.0001, max: MAX_QUANTITY, decimals: 4 }),
  unit: name("unit", 50),
  priority: v.optional(oneOf(PRIORITY_LEVELS, "priority")),
  plan_id: v.optional(uuid("plan_id")),
  task_id: v.optional(uuid("task_id")),
  guild: v.optional(oneOf(GUILD_SLUGS, "guild")),
});
/** Validated `allocate_resource` input. */
export type AllocateResourceInput = v.InferOutput<typeof AllocateResourceInput>;

/** The body of `POST /tasks/:task_id/progress`. */
export const ProgressBody = {
  progress_percent: decimal("progress_percent", { min: 0, max: 100, decimals: 2 }),
  status: v.optional(oneOf(EXECUTION_STATUSES, "status")),
  actual_hours: v.optional(decimal("actual_hours", { min: 0, max: MAX_HOURS, decimals: 2 })),
  note: v.optional(text("note", 2000)),
};
/** `track_progress` input: the body and the task from the path. */
export const TrackProgressInput = strictBody({ ...ProgressBody, task_id: uuid("task_id") });
/** Validated `track_progress` input. */
export type TrackProgressInput = v.InferOutput<typeof TrackProgressInput>;

/** `optimize_timeline` input: the plan from the path (the body may be empty). */
export const OptimizeTimelineInput = strictBody({ plan_id: uuid("plan_id") });

/** `GET /plans`. */
export const ListPlansInput = listQuerySchema(["created_at", "name"], "-created_at", {
  status: v.optional(oneOf(EXECUTION_STATUSES, "status")),
  priority: v.optional(oneOf(PRIORITY_LEVELS, "priority")),
});
/** `GET /plans/:plan_id`. */
export const GetPlanInput = strictBody({ plan_id: uuid("plan_id") });

/** `GET /tasks`. */
export const ListTasksInput = listQuerySchema(["created_at", "name"], "-created_at", {
  plan_id: v.optional(uuid("plan_id")),
  status: v.optional(oneOf(EXECUTION_STATUSES, "status")),
  priority: v.optional(oneOf(PRIORITY_LEVELS, "priority")),
  guild: v.optional(oneOf(GUILD_SLUGS, "guild")),
});
/** `GET /tasks/:task_id`. */
export const GetTaskInput = strictBody({ task_id: uuid("task_id") });

/** `GET /resources/utilization`. */
export const UtilizationInput = strictQuery({
  resource_type: v.optional(oneOf(RESOURCE_TYPES, "resource_type")),
  guild: v.optional(oneOf(GUILD_SLUGS, "guild")),
});
