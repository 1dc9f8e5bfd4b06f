import type {
  ExecutionPlansRow,
  ExecutionTasksRow,
  Json,
  ProgressUpdatesRow,
  ResourceAllocationsRow,
} from "../../../shared/db/rows.generated.ts";

// Postgres numerics arrive as strings (no precision is lost on the way); the API answers numbers.
const num = (value: string): number => Number(value);
const numOrNull = (value: string | null): number | null => (value === null ? null : Number(value));
const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** An execution plan as the API returns it. */
export interface PlanView {
  id: string;
  name: string;
  description: string | null;
  objectives: Json;
  status: ExecutionPlansRow["status"];
  priority: ExecutionPlansRow["priority"];
  progress_percent: number;
  start_at: string | null;
  deadline_at: string | null;
  timeline: Json;
  critical_path: Json;
  initiative_id: string | null;
  campaign_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Serialises an execution_plans row. */
export function planView(row: ExecutionPlansRow): PlanView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    objectives: row.objectives,
    status: row.status,
    priority: row.priority,
    progress_percent: num(row.progress_percent),
    start_at: iso(row.start_at),
    deadline_at: iso(row.deadline_at),
    timeline: row.timeline,
    critical_path: row.critical_path,
    initiative_id: row.initiative_id,
    campaign_id: row.campaign_id,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** An execution task as the API returns it. */
export interface TaskView {
  id: string;
  plan_id: string;
  name: string;
  description: string | null;
  status: ExecutionTasksRow["status"];
  priority: ExecutionTasksRow["priority"];
  guild_id: string | null;
  agent_id: string | null;
  assignee_id: string | null;
  estimated_hours: number | null;
  actual_hours: number | null;
  progress_percent: number;
  required_capabilities: Json;
  deadline_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Serialises an execution_tasks row. */
export function taskView(row: ExecutionTasksRow): TaskView {
  return {
    id: row.id,
    plan_id: row.plan_id,
    name: row.name,
    description: row.description,
    status: row.status,
    priority: row.priority,
    guild_id: row.guild_id,
    agent_id: row.agent_id,
    assignee_id: row.assignee_id,
    estimated_hours: numOrNull(row.estimated_hours),
    actual_hours: numOrNull(row.actual_hours),
    progress_percent: num(row.progress_percent),
    required_capabilities: row.required_capabilities,
    deadline_at: iso(row.deadline_at),
    started_at: iso(row.started_at),
    completed_at: iso(row.completed_at),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** A resource allocation as the API returns it. */
export interface AllocationView {
  id: string;
  plan_id: string | null;
  task_id: string | null;
  guild_id: string | null;
  resource_type: ResourceAllocationsRow["resource_type"];
  quantity: number;
  unit: string;
  utilized: number;
  status: ResourceAllocationsRow["status"];
  allocated_at: string | null;
  released_at: string | null;
  created_by: string | null;
  created_at: string;
}

/** Serialises a resource_allocations row. */
export function allocationView(row: ResourceAllocationsRow): AllocationView {
  return {
    id: row.id,
    plan_id: row.plan_id,
    task_id: row.task_id,
    guild_id: row.guild_id,
    resource_type: row.resource_type,
    quantity: num(row.quantity),
    unit: row.unit,
    utilized: num(row.utilized),
    status: row.status,
    allocated_at: iso(row.allocated_at),
    released_at: iso(row.released_at),
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
  };
}

/** A progress update as the API returns it. */
export interface ProgressView {
  id: string;
  plan_id: string;
  task_id: string | null;
  progress_percent: number;
  status: ProgressUpdatesRow["status"];
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** Serialises a progress_updates row. */
export function progressView(row: ProgressUpdatesRow): ProgressView {
  return {
    id: row.id,
    plan_id: row.plan_id,
    task_id: row.task_id,
    progress_percent: num(row.progress_percent),
    status: row.status,
    note: row.note,
    recorded_by: row.recorded_by,
    recorded_at: row.recorded_at.toISOString(),
  };
}
