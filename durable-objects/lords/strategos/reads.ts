import type { Tx } from "../../../shared/db/database.ts";
import { equals, listPage } from "../../../shared/db/pagination.ts";
import type {
  ExecutionPlansRow,
  ExecutionTasksRow,
  ProgressUpdatesRow,
  ResourceAllocationsRow,
} from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { toListQuery } from "./list-query.ts";
import { GetPlanInput, GetTaskInput, ListPlansInput, ListTasksInput } from "./schemas.ts";
import { loadPlan, loadTask, planDependencies, planTasks } from "./store.ts";
import { allocationView, planView, progressView, taskView } from "./views.ts";

/** How many progress updates a plan or task read shows, newest first. */
const RECENT_UPDATES = 20;

function allocationsOf(tx: Tx, workspaceId: string, column: "plan_id" | "task_id", id: string) {
  return tx<ResourceAllocationsRow[]>`
    select * from public.resource_allocations
    where workspace_id = ${workspaceId} and ${tx(column)} = ${id}
    order by created_at, id`;
}

function updatesOf(tx: Tx, workspaceId: string, column: "plan_id" | "task_id", id: string) {
  return tx<ProgressUpdatesRow[]>`
    select * from public.progress_updates
    where workspace_id = ${workspaceId} and ${tx(column)} = ${id}
      ${column === "plan_id" ? tx`and task_id is null` : tx``}
    order by recorded_at desc, id desc limit ${RECENT_UPDATES}`;
}

/** `GET /plans`: one page of the workspace's execution plans. */
export const listPlans = defineCapability({
  name: "list_plans",
  description: "Lists execution plans, filtered by status or priority",
  input: ListPlansInput,
  mutates: false,
  async handler(input, ctx) {
    const query = toListQuery(input, "-created_at");
    const page = await ctx.transaction((tx) =>
      listPage<ExecutionPlansRow>(tx, {
        table: "public.execution_plans",
        where: [
          tx`workspace_id = ${ctx.workspaceId}`,
          equals(tx, "status", input.status),
          equals(tx, "priority", input.priority),
        ],
        query,
      }),
    );
    return { items: page.items.map(planView), next_cursor: page.next_cursor };
  },
});

/** `GET /plans/:plan_id`: a plan with its tasks, dependencies, allocations and recent progress. */
export const getPlan = defineCapability({
  name: "get_plan",
  description: "Reads one execution plan with its tasks, dependencies, allocations and progress history",
  input: GetPlanInput,
  mutates: false,
  async handler(input, ctx) {
    return ctx.transaction(async (tx) => {
      const plan = await loadPlan(tx, ctx.workspaceId, input.plan_id);
      // One transaction runs one statement at a time, so these are awaited in turn.
      const tasks = await planTasks(tx, ctx.workspaceId, plan.id);
      const dependencies = await planDependencies(tx, ctx.workspaceId, plan.id);
      const allocations = await allocationsOf(tx, ctx.workspaceId, "plan_id", plan.id);
      const updates = await updatesOf(tx, ctx.workspaceId, "plan_id", plan.id);
      return {
        plan: planView(plan),
        tasks: tasks.map(taskView),
        dependencies: dependencies.map((row) => ({
          task_id: row.task_id,
          depends_on_task_id: row.depends_on_task_id,
          dependency_type: row.dependency_type,
        })),
        allocations: allocations.map(allocationView),
        progress_updates: updates.map(progressView),
      };
    });
  },
});

/** `GET /tasks`: one page of the workspace's tasks. */
export const listTasks = defineCapability({
  name: "list_tasks",
  description: "Lists execution tasks, filtered by plan, status, priority or guild",
  input: ListTasksInput,
  mutates: false,
  async handler(input, ctx) {
    const query = toListQuery(input, "-created_at");
    const page = await ctx.transaction((tx) =>
      listPage<ExecutionTasksRow>(tx, {
        table: "public.execution_tasks",
        where: [
          tx`workspace_id = ${ctx.workspaceId}`,
          equals(tx, "plan_id", input.plan_id),
          equals(tx, "status", input.status),
          equals(tx, "priority", input.priority),
          input.guild ? tx`guild_id = (select id from public.guilds where slug = ${input.guild})` : undefined,
        ],
        query,
      }),
    );
    return { items: page.items.map(taskView), next_cursor: page.next_cursor };
  },
});

/** `GET /tasks/:task_id`: a task with what it waits for, what waits for it, allocations and progress. */
export const getTask = defineCapability({
  name: "get_task",
  description: "Reads one task with its dependencies, dependants, allocations and progress history",
  input: GetTaskInput,
  mutates: false,
  async handler(input, ctx) {
    return ctx.transaction(async (tx) => {
      const task = await loadTask(tx, ctx.workspaceId, input.task_id);
      const edges = await tx<{ task_id: string; depends_on_task_id: string }[]>`
        select task_id, depends_on_task_id from public.task_dependencies
        where workspace_id = ${ctx.workspaceId} and (task_id = ${task.id} or depends_on_task_id = ${task.id})
        order by created_at, id`;
      return {
        task: taskView(task),
        depends_on: edges.filter((row) => row.task_id === task.id).map((row) => row.depends_on_task_id),
        dependants: edges.filter((row) => row.depends_on_task_id === task.id).map((row) => row.task_id),
        allocations: (await allocationsOf(tx, ctx.workspaceId, "task_id", task.id)).map(allocationView),
        progress_updates: (await updatesOf(tx, ctx.workspaceId, "task_id", task.id)).map(progressView),
      };
    });
  },
});
