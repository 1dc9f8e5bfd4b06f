export {
  type AllocationResult,
  allocate,
  type RequestAllocation,
  type ResourcePool,
  type ResourceRequest,
  type TypeUtilisation,
} from "./allocate.ts";
export {
  type AssignableTask,
  type Assignment,
  type AssignmentCandidate,
  assignTask,
  CAPABILITY_WEIGHT,
  type CandidateScore,
} from "./assign.ts";
export {
  EXECUTION_STATUSES,
  type ExecutionStatus,
  PRIORITY_LEVELS,
  type PriorityLevel,
  RESOURCE_TYPES,
  type ResourceType,
} from "./constants.ts";
export { type CpmResult, type CpmTask, criticalPath, longestPathWithout, type ScheduledTask } from "./critical-path.ts";
export { type DependencyNode, topologicalOrder } from "./graph.ts";
export { type PlanProgress, type ProgressTask, planProgress } from "./progress.ts";
export { type TimelineSuggestion, timelineSuggestions } from "./timeline.ts";
