import type { Tx } from "../../../shared/db/database.ts";
import type {
  ExecutionPlansRow,
  ExecutionTasksRow,
  GuildsRow,
  TaskDependenciesRow,
} from "../../../shared/db/rows.generated.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import type { DependencyEdge, SchedulableTask } from "./schedule.ts";

/** A value for a jsonb parameter. */
export function json(tx: Tx, value: unknown) {
  return tx.json(value as Parameters<Tx["json"]>[0]);
}

/** The workspace's plan, or a 404 (a plan of another workspace is as absent as a missing one). */
export async function loadPlan(tx: Tx, workspaceId: string, planId: string, lock = false): Promise<ExecutionPlansRow> {
  const [plan] = await tx<ExecutionPlansRow[]>`
    select * from public.execution_plans where workspace_id = ${workspaceId} and id = ${planId}
    ${lock ? tx`for update` : tx``}`;
  if (!plan) throw ApiError.notFound(`Execution plan ${planId} not found`, "PLAN_NOT_FOUND");
  return plan;
}

/** The workspace's task, or a 404. */
export async function loadTask(tx: Tx, workspaceId: string, taskId: string, lock = false): Promise<ExecutionTasksRow> {
  const [task] = await tx<ExecutionTasksRow[]>`
    select * from public.execution_tasks where workspace_id = ${workspaceId} and id = ${taskId}
    ${lock ? tx`for update` : tx``}`;
  if (!task) throw ApiError.notFound(`Task ${taskId} not found`, "TASK_NOT_FOUND");
  return task;
}

/** A plan's tasks, oldest first (the order they were planned in). */
export function planTasks(tx: Tx, workspaceId: string, planId: string): Promise<ExecutionTasksRow[]> {
  return tx<ExecutionTasksRow[]>`
    select * from public.execution_tasks where workspace_id = ${workspaceId} and plan_id = ${planId}
    order by created_at, id`;
}

/** The dependency edges among a plan's tasks. */
export function planDependencies(tx: Tx, workspaceId: string, planId: string): Promise<TaskDependenciesRow[]> {
  return tx<TaskDependenciesRow[]>`
    select d.* from public.task_dependencies d
    join public.execution_tasks t on t.workspace_id = d.workspace_id and t.id = d.task_id
    where d.workspace_id = ${workspaceId} and t.plan_id = ${planId}
    order by d.created_at, d.id`;
}

/** A guild by slug (reference data every member may read). */
export async function guildBySlug(tx: Tx, slug: string): Promise<GuildsRow> {
  const [guild] = await tx<GuildsRow[]>`select * from public.guilds where slug = ${slug}`;
  if (!guild) throw ApiError.notFound(`Guild ${slug} not found`, "GUILD_NOT_FOUND");
  return guild;
}

/** A task row as scheduling sees it. */
export function schedulable(task: ExecutionTasksRow): SchedulableTask {
  return {
    id: task.id,
    estimatedHours: task.estimated_hours === null ? null : Number(task.estimated_hours),
    progressPercent: Number(task.progress_percent),
    status: task.status,
  };
}

/** A dependency row as scheduling sees it. */
export function edge(dependency: TaskDependenciesRow): DependencyEdge {
  return { taskId: dependency.task_id, dependsOnId: dependency.depends_on_task_id };
}
