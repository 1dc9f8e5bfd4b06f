import {
  type CpmResult,
  type CpmTask,
  criticalPath,
  type ExecutionStatus,
  type TimelineSuggestion,
  timelineSuggestions,
} from "../../../shared/domain/strategos/index.ts";

/** A task as scheduling sees it: its size, how far along it is, and its status. */
export interface SchedulableTask {
  id: string;
  estimatedHours: number | null;
  progressPercent: number;
  status: ExecutionStatus;
}

/** "`taskId` may start only after `dependsOnId` has finished". */
export interface DependencyEdge {
  taskId: string;
  dependsOnId: string;
}

/** A plan's critical-path schedule over remaining work and the suggestions drawn from its slack. */
export interface PlanTimeline {
  cpm: CpmResult;
  suggestions: TimelineSuggestion[];
}

/**
 * Hours of work left: none for a completed task, the unfinished share of the estimate otherwise
 * (a task without an estimate counts as zero hours: it cannot lengthen the plan).
 */
export function remainingHours(task: SchedulableTask): number {
  if (task.status === "completed") return 0;
  const estimate = task.estimatedHours ?? 0;
  return estimate * (1 - task.progressPercent / 100);
}

/**
 * Runs the critical path method on what is left of a plan. Completed tasks take no more time and
 * cancelled ones will never run, so both leave the schedule with the dependencies on them (nothing
 * waits for them any more); every other task is scheduled by its remaining hours, so a plan half
 * done is re-planned from where it stands. Throws the domain's 400 naming a dependency cycle.
 */
export function planTimeline(tasks: readonly SchedulableTask[], edges: readonly DependencyEdge[]): PlanTimeline {
  const live = tasks.filter((task) => task.status !== "cancelled" && task.status !== "completed");
  const ids = new Set(live.map((task) => task.id));
  const cpmTasks: CpmTask[] = live.map((task) => ({
    id: task.id,
    duration: remainingHours(task),
    dependsOn: edges
      .filter((edge) => edge.taskId === task.id && ids.has(edge.dependsOnId))
      .map((edge) => edge.dependsOnId),
  }));
  const cpm = criticalPath(cpmTasks);
  return { cpm, suggestions: timelineSuggestions(cpm) };
}

/** What execution_plans.timeline stores: the schedule in hours from now, and the suggestions. */
export function timelineRecord(
  timeline: PlanTimeline,
  computedAt: Date,
  rename: (id: string) => string = (id) => id,
): Record<string, unknown> {
  const { cpm, suggestions } = timeline;
  return {
    computed_at: computedAt.toISOString(),
    basis: "remaining_hours",
    duration_hours: cpm.duration,
    critical_path: cpm.criticalPath.map(rename),
    critical_tasks: cpm.criticalTasks.map(rename),
    tasks: cpm.tasks.map((task) => ({
      task_id: rename(task.id),
      duration_hours: task.duration,
      depends_on: task.dependsOn.map(rename),
      earliest_start: task.earliestStart,
      earliest_finish: task.earliestFinish,
      latest_start: task.latestStart,
      latest_finish: task.latestFinish,
      slack: task.slack,
      critical: task.critical,
    })),
    suggestions: suggestions.map((suggestion) => ({
      task_id: rename(suggestion.taskId),
      kind: suggestion.kind,
      hours: suggestion.hours,
      message: suggestion.message,
    })),
  };
}

/**
 * Readable, unique names for a plan's tasks, so cycles and suggestions name tasks as people
 * know them: the task's name, or the name and the id's first eight characters when two tasks
 * share a name.
 */
export function taskLabels(tasks: readonly { id: string; name: string }[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const task of tasks) uses.set(task.name, (uses.get(task.name) ?? 0) + 1);
  return new Map(
    tasks.map((task) => [task.id, uses.get(task.name) === 1 ? task.name : `${task.name} [${task.id.slice(0, 8)}]`]),
  );
}
