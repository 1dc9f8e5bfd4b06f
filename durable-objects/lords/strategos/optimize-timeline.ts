import { defineCapability } from "../capability.ts";
import { planTimeline, taskLabels, timelineRecord } from "./schedule.ts";
import { OptimizeTimelineInput } from "./schemas.ts";
import { edge, json, loadPlan, planDependencies, planTasks, schedulable } from "./store.ts";

/**
 * `optimize_timeline`: re-runs the critical path method on the plan's remaining work (earliest and
 * latest start and finish, slack, the critical path; a dependency cycle is a 400 naming it), stores
 * the schedule with suggestions computed from slack, and emits `timeline.optimized`.
 */
export const optimizeTimeline = defineCapability({
  name: "optimize_timeline",
  description: "Critical path analysis of a plan's remaining work, with suggestions computed from slack",
  input: OptimizeTimelineInput,
  mutates: true,
  async handler(input, ctx) {
    const result = await ctx.transaction(async (tx, emit) => {
      const plan = await loadPlan(tx, ctx.workspaceId, input.plan_id, true);
      const tasks = await planTasks(tx, ctx.workspaceId, plan.id);
      const dependencies = await planDependencies(tx, ctx.workspaceId, plan.id);
      // Scheduled under the tasks' names, so a cycle and the suggestions read as people know them.
      const labels = taskLabels(tasks);
      const ids = new Map([...labels].map(([id, label]) => [label, id]));
      const timeline = planTimeline(
        tasks.map((task) => ({ ...schedulable(task), id: labels.get(task.id) as string })),
        dependencies.map(edge).map(({ taskId, dependsOnId }) => ({
          taskId: labels.get(taskId) as string,
          dependsOnId: labels.get(dependsOnId) as string,
        })),
      );
      const record = timelineRecord(timeline, new Date(), (label) => ids.get(label) as string);
      const previous =
        plan.timeline !== null && typeof plan.timeline === "object" && !Array.isArray(plan.timeline)
          ? plan.timeline.duration_hours
          : undefined;
      const previousDuration = typeof previous === "number" ? previous : null;
      await tx`
        update public.execution_plans
        set timeline = ${json(tx, record)}, critical_path = ${json(tx, record.critical_path)}
        where workspace_id = ${ctx.workspaceId} and id = ${plan.id}`;
      const event = await emit("timeline.optimized", {
        plan_id: plan.id,
        duration_hours: timeline.cpm.duration,
        previous_duration_hours: previousDuration,
        critical_path: record.critical_path,
        suggestions: timeline.suggestions.length,
      });
      return { planId: plan.id, record, previousDuration, eventId: event.sequence };
    });
    ctx.state.count("timelines_optimized");
    return {
      plan_id: result.planId,
      previous_duration_hours: result.previousDuration,
      timeline: result.record,
      event_id: result.eventId,
    };
  },
});
