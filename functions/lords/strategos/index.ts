import { Hono } from "hono";
import {
  AllocateResourceInput,
  AssignTaskInput,
  CreatePlanInput,
  ListPlansInput,
  ListTasksInput,
  ProgressBody,
  UtilizationInput,
} from "../../../durable-objects/lords/strategos/schemas.ts";
import type { AppEnv } from "../../../shared/app-env.ts";
import { idParam, strictBody } from "../../campaigns/fields.ts";
import { lordAction, lordQuery } from "../routes.ts";

const PlanParam = idParam("plan_id");
const TaskParam = idParam("task_id");

/**
 * Strategos' routes under `/api/workspaces/:workspaceId/lords/strategos` (status is served for
 * every Lord): plans, tasks, progress, resources and timelines, each one capability.
 */
export const strategosRoutes = new Hono<AppEnv>()
  .post("/plans/create", ...lordAction("strategos", "create_execution_plan", CreatePlanInput, { status: 201 }))
  .get("/plans", ...lordQuery("strategos", "list_plans", ListPlansInput))
  .get("/plans/:plan_id", ...lordQuery("strategos", "get_plan", undefined, { params: PlanParam }))
  .post("/tasks/assign", ...lordAction("strategos", "assign_task", AssignTaskInput))
  .get("/tasks", ...lordQuery("strategos", "list_tasks", ListTasksInput))
  .get("/tasks/:task_id", ...lordQuery("strategos", "get_task", undefined, { params: TaskParam }))
  .post(
    "/tasks/:task_id/progress",
    ...lordAction("strategos", "track_progress", strictBody(ProgressBody), { status: 201, params: TaskParam }),
  )
  .post("/resources/allocate", ...lordAction("strategos", "allocate_resource", AllocateResourceInput, { status: 201 }))
  .get("/resources/utilization", ...lordQuery("strategos", "resource_utilization", UtilizationInput))
  .post(
    "/plans/:plan_id/optimize-timeline",
    ...lordAction("strategos", "optimize_timeline", undefined, { params: PlanParam }),
  );
