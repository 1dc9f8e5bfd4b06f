import type { Capability } from "../capability.ts";
import { allocateResource } from "./allocate-resource.ts";
import { assignTask } from "./assign-task.ts";
import { createExecutionPlan } from "./create-execution-plan.ts";
import { optimizeTimeline } from "./optimize-timeline.ts";
import { getPlan, getTask, listPlans, listTasks } from "./reads.ts";
import { resourceUtilization } from "./resource-utilization.ts";
import { trackProgress } from "./track-progress.ts";

/**
 * Strategos (LORD-003): execution plans, task assignment, resource allocation, progress and
 * critical-path timelines. The five capabilities of the spec first, then the reads its routes use.
 */
export const capabilities: readonly Capability[] = [
  createExecutionPlan,
  assignTask,
  allocateResource,
  trackProgress,
  optimizeTimeline,
  listPlans,
  getPlan,
  listTasks,
  getTask,
  resourceUtilization,
];
