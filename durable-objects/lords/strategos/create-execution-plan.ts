import type { ExecutionPlansRow, ExecutionTasksRow } from "../../../shared/db/rows.generated.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { taskReferenceIssues } from "./plan-checks.ts";
import { planTimeline, timelineRecord } from "./schedule.ts";
import { CreatePlanInput } from "./schemas.ts";
import { json } from "./store.ts";
import { planView, taskView } from "./views.ts";

/**
 * `create_execution_plan`: stores the plan, its tasks and their dependencies, scheduled by the
 * critical path method (a cycle is a 400 naming it in the caller's task keys), and emits
 * `plan.created` in the same transaction.
 */
export const createExecutionPlan = defineCapability({
  name: "create_execution_plan",
  description:
    "Turns objectives into a plan of tasks with estimates, deadlines, priorities and dependencies, scheduled by the critical path method",
  input: CreatePlanInput,
  mutates: true,
  async handler(input, ctx) {
    const issues = taskReferenceIssues(input.tasks, input.deadline);
    if (issues.length > 0) throw ApiError.validation(issues);

    // Scheduled on the caller's keys first, so a cycle is reported in names they wrote.
    const timeline = planTimeline(
      input.tasks.map((task) => ({
        id: task.key,
        estimatedHours: task.estimated_hours,
        progressPercent: 0,
        status: "planned" as const,
      })),
      input.tasks.flatMap((task) => (task.depends_on ?? []).map((dependsOnId) => ({ taskId: task.key, dependsOnId }))),
    );
    const planId = crypto.randomUUID();
    const ids = new Map(input.tasks.map((task) => [task.key, crypto.randomUUID()]));
    const idOf = (key: string) => ids.get(key) as string;
    const record = timelineRecord(timeline, new Date(), idOf);
    const tasks = input.tasks.map((task) => ({
      id: idOf(task.key),
      name: task.name,
      description: task.description ?? null,
      priority: task.priority ?? input.priority ?? "medium",
      estimated_hours: task.estimated_hours,
      deadline_at: task.deadline ?? null,
      required_capabilities: task.required_capabilities ?? [],
    }));
    const dependencies = input.tasks.flatMap((task) =>
      [...new Set(task.depends_on ?? [])].map((key) => ({ task_id: idOf(task.key), depends_on_task_id: idOf(key) })),
    );

    const created = await ctx.transaction(async (tx, emit) => {
      const [plan] = await tx<ExecutionPlansRow[]>`
        insert into public.execution_plans (id, workspace_id, name, description, objectives, priority, start_at,
                                            deadline_at, timeline, critical_path, initiative_id, campaign_id, created_by)
        values (${planId}, ${ctx.workspaceId}, ${input.name}, ${input.description ?? null}, ${json(tx, input.objectives)},
                ${input.priority ?? "medium"}, ${input.start_at ?? null}, ${input.deadline ?? null}, ${json(tx, record)},
                ${json(tx, record.critical_path)}, ${input.initiative_id ?? null}, ${input.campaign_id ?? null},
                ${ctx.actor.userId})
        returning *`;
      // One statement for every task (jsonb_to_recordset keeps the jsonb column a jsonb value).
      // created_at steps a microsecond per task, so reading a plan's tasks by created_at gives them
      // in the order they were planned rather than tied and ordered by random id.
      const rows = await tx<ExecutionTasksRow[]>`
        insert into public.execution_tasks (id, workspace_id, plan_id, name, description, priority, estimated_hours,
                                            deadline_at, required_capabilities, created_at)
        select t.id, ${ctx.workspaceId}, ${planId}, t.name, t.description, t.priority, t.estimated_hours,
               t.deadline_at, t.required_capabilities, now() + t.position * interval '1 microsecond'
        from rows from (jsonb_to_recordset(${json(tx, tasks)}) as (id uuid, name text, description text, priority text,
             estimated_hours numeric, deadline_at timestamptz, required_capabilities jsonb))
             with ordinality as t (id, name, description, priority, estimated_hours, deadline_at, required_capabilities,
             position)
        returning *`;
      if (dependencies.length > 0) {
        await tx`
          insert into public.task_dependencies (workspace_id, task_id, depends_on_task_id)
          select ${ctx.workspaceId}, d.task_id, d.depends_on_task_id
          from jsonb_to_recordset(${json(tx, dependencies)}) as d (task_id uuid, depends_on_task_id uuid)`;
      }
      const event = await emit("plan.created", {
        plan_id: planId,
        name: input.name,
        priority: input.priority ?? "medium",
        task_count: tasks.length,
        duration_hours: timeline.cpm.duration,
        critical_path: record.critical_path,
      });
      return { plan, rows, eventId: event.sequence };
    });
    if (!created.plan) throw new Error("execution_plans insert returned no row");

    ctx.state.track("plans", planId, "planned");
    ctx.state.count("plans_created");
    ctx.state.count("tasks_planned", tasks.length);
    const order = new Map(tasks.map((task, index) => [task.id, index]));
    return {
      plan: planView(created.plan),
      tasks: created.rows
        .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
        .map((row) => ({ key: input.tasks[order.get(row.id) ?? 0]?.key, ...taskView(row) })),
      dependencies,
      timeline: record,
      event_id: created.eventId,
    };
  },
});
