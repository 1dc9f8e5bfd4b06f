import type { ExecutionPlansRow, ExecutionTasksRow, ProgressUpdatesRow } from "../../../shared/db/rows.generated.ts";
import { planProgress } from "../../../shared/domain/strategos/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { CLOSED_STATUSES, reportedTaskStatus, rollUpPlanStatus } from "./plan-status.ts";
import { TrackProgressInput } from "./schemas.ts";
import { loadPlan, loadTask, planTasks } from "./store.ts";
import { progressView, taskView } from "./views.ts";

/**
 * `track_progress`: records a task's progress (0–100) and status, then rolls the plan's progress
 * up from all its tasks weighted by estimate (completed tasks count fully, cancelled ones not at
 * all) and derives the plan's status. Emits `task.progressed`, plus `task.completed` and
 * `plan.updated` when those change.
 */
export const trackProgress = defineCapability({
  name: "track_progress",
  description: "Records task progress (0-100%) and rolls plan progress up from its tasks weighted by estimate",
  input: TrackProgressInput,
  mutates: true,
  async handler(input, ctx) {
    const result = await ctx.transaction(async (tx, emit) => {
      const task = await loadTask(tx, ctx.workspaceId, input.task_id, true);
      if (CLOSED_STATUSES.includes(task.status)) {
        throw ApiError.conflict(
          `Task ${task.id} is ${task.status}; its progress can no longer change`,
          [],
          "TASK_CLOSED",
        );
      }
      const status = reportedTaskStatus(task.status, input.progress_percent, input.status);
      if (status === "completed" && input.progress_percent < 100) {
        throw ApiError.validation([{ field: "progress_percent", message: "must be 100 when the task is completed" }]);
      }
      const plan = await loadPlan(tx, ctx.workspaceId, task.plan_id, true);
      const [updated] = await tx<ExecutionTasksRow[]>`
        update public.execution_tasks
        set progress_percent = ${input.progress_percent}, status = ${status},
            actual_hours = coalesce(${input.actual_hours ?? null}::numeric, actual_hours),
            started_at = case when started_at is null and (${input.progress_percent}::numeric > 0 or ${status} = 'in_progress')
                              then now() else started_at end,
            completed_at = case when ${status} = 'completed' then now() else null end
        where workspace_id = ${ctx.workspaceId} and id = ${task.id}
        returning *`;
      const [update] = await tx<ProgressUpdatesRow[]>`
        insert into public.progress_updates (workspace_id, plan_id, task_id, progress_percent, status, note, recorded_by)
        values (${ctx.workspaceId}, ${task.plan_id}, ${task.id}, ${input.progress_percent}, ${status},
                ${input.note ?? null}, ${ctx.actor.userId})
        returning *`;

      const tasks = await planTasks(tx, ctx.workspaceId, task.plan_id);
      const planStatus = rollUpPlanStatus(
        plan.status,
        tasks.map((row) => row.status),
      );
      const rollUp = tasks.every((row) => row.status === "cancelled")
        ? null
        : planProgress(
            tasks.map((row) => ({
              id: row.id,
              estimateHours: row.estimated_hours === null ? 0 : Number(row.estimated_hours),
              percentComplete: Number(row.progress_percent),
              status: row.status,
            })),
          );
      // Every task cancelled: nothing is left to measure, so the plan keeps its last figure.
      const percent = rollUp ? Math.round(rollUp.percent * 100) / 100 : Number(plan.progress_percent);
      const [planRow] = await tx<ExecutionPlansRow[]>`
        update public.execution_plans set progress_percent = ${percent}, status = ${planStatus}
        where workspace_id = ${ctx.workspaceId} and id = ${plan.id}
        returning *`;
      await tx`
        insert into public.progress_updates (workspace_id, plan_id, progress_percent, status, note, recorded_by)
        values (${ctx.workspaceId}, ${plan.id}, ${percent}, ${planStatus},
                ${`Rolled up from task ${task.id}`}, ${ctx.actor.userId})`;

      const progressed = await emit("task.progressed", {
        task_id: task.id,
        plan_id: plan.id,
        progress_percent: input.progress_percent,
        status,
        plan_progress_percent: percent,
        plan_status: planStatus,
      });
      if (status === "completed") {
        await emit("task.completed", { task_id: task.id, plan_id: plan.id, plan_progress_percent: percent });
      }
      if (planStatus !== plan.status) {
        await emit("plan.updated", {
          plan_id: plan.id,
          status: planStatus,
          previous_status: plan.status,
          progress_percent: percent,
        });
      }
      return {
        task: updated as ExecutionTasksRow,
        update: update as ProgressUpdatesRow,
        plan: planRow as ExecutionPlansRow,
        rollUp,
        tasks: tasks.length,
        eventId: progressed.sequence,
      };
    });

    if (CLOSED_STATUSES.includes(result.task.status)) ctx.state.release("tasks", result.task.id);
    else ctx.state.track("tasks", result.task.id, result.task.status);
    if (CLOSED_STATUSES.includes(result.plan.status)) ctx.state.release("plans", result.plan.id);
    else ctx.state.track("plans", result.plan.id, result.plan.status);
    ctx.state.count("progress_updates");
    return {
      task: taskView(result.task),
      update: progressView(result.update),
      plan: {
        id: result.plan.id,
        status: result.plan.status,
        progress_percent: Number(result.plan.progress_percent),
        total_hours: result.rollUp?.totalHours ?? 0,
        remaining_hours: result.rollUp?.remainingHours ?? 0,
        completed_tasks: result.rollUp?.completedTasks ?? 0,
        counted_tasks: result.rollUp?.countedTasks ?? 0,
        cancelled_tasks: result.rollUp?.cancelledTasks ?? result.tasks,
      },
      event_id: result.eventId,
    };
  },
});
