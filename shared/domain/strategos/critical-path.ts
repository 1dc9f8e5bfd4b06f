import { requireNonNegative } from "../validate.ts";
import { topologicalOrder } from "./graph.ts";

/** A task for critical-path analysis; duration in any consistent unit (hours in Strategos). */
export interface CpmTask {
  id: string;
  duration: number;
  dependsOn?: string[];
}

/** A task's schedule: earliest/latest start and finish, and slack (float). */
export interface ScheduledTask {
  id: string;
  duration: number;
  dependsOn: string[];
  earliestStart: number;
  earliestFinish: number;
  latestStart: number;
  latestFinish: number;
  slack: number;
  critical: boolean;
}

/** The result of CPM: per-task schedule (input order), a critical path, all critical tasks, project duration. */
export interface CpmResult {
  tasks: ScheduledTask[];
  /** Dependency order used for the passes. */
  order: string[];
  /** One chain of zero-slack tasks from project start to finish (the first in input order if several). */
  criticalPath: string[];
  criticalTasks: string[];
  duration: number;
}

/**
 * Critical path method: a forward pass gives earliest start ES = max EF of dependencies and EF = ES + duration; the
 * backward pass gives latest finish LF = min LS of dependants (the project duration for end tasks) and
 * LS = LF − duration; slack = LS − ES. Zero-slack tasks (within 1e-9 of the duration, for rounding) are critical.
 */
export function criticalPath(tasks: readonly CpmTask[]): CpmResult {
  tasks.forEach((t, i) => {
    requireNonNegative(`tasks[${i}].duration`, t.duration);
  });
  const order = topologicalOrder(tasks);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const dependants = new Map<string, string[]>(tasks.map((t) => [t.id, []]));
  for (const t of tasks) for (const d of new Set(t.dependsOn ?? [])) dependants.get(d)!.push(t.id);
  const es = new Map<string, number>();
  const ef = new Map<string, number>();
  for (const id of order) {
    const start = Math.max(0, ...(byId.get(id)!.dependsOn ?? []).map((d) => ef.get(d)!));
    es.set(id, start);
    ef.set(id, start + byId.get(id)!.duration);
  }
  const duration = Math.max(0, ...ef.values());
  const ls = new Map<string, number>();
  const lf = new Map<string, number>();
  for (const id of [...order].reverse()) {
    const finish = Math.min(duration, ...dependants.get(id)!.map((d) => ls.get(d)!));
    lf.set(id, finish);
    ls.set(id, finish - byId.get(id)!.duration);
  }
  const eps = 1e-9 * Math.max(1, duration);
  const scheduled = tasks.map((t): ScheduledTask => {
    const slack = ls.get(t.id)! - es.get(t.id)!;
    return {
      id: t.id,
      duration: t.duration,
      dependsOn: [...(t.dependsOn ?? [])],
      earliestStart: es.get(t.id)!,
      earliestFinish: ef.get(t.id)!,
      latestStart: ls.get(t.id)!,
      latestFinish: lf.get(t.id)!,
      slack: Math.abs(slack) <= eps ? 0 : slack,
      critical: Math.abs(slack) <= eps,
    };
  });
  return {
    tasks: scheduled,
    order,
    criticalPath: traceCriticalChain(scheduled, dependants, duration, eps),
    criticalTasks: scheduled.filter((t) => t.critical).map((t) => t.id),
    duration,
  };
}

// From the first critical task starting at 0, step to a critical dependant that starts exactly when it finishes.
// One always exists: a critical task's LF equals its EF, and LF is the least LS among its dependants.
function traceCriticalChain(
  tasks: readonly ScheduledTask[],
  dependants: ReadonlyMap<string, string[]>,
  duration: number,
  eps: number,
): string[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const chain: string[] = [];
  let current = tasks.find((t) => t.critical && t.earliestStart <= eps);
  while (current) {
    chain.push(current.id);
    if (Math.abs(current.earliestFinish - duration) <= eps) break;
    const finish = current.earliestFinish;
    current = dependants
      .get(current.id)!
      .map((id) => byId.get(id)!)
      .find((t) => t.critical && Math.abs(t.earliestStart - finish) <= eps);
  }
  return chain;
}

/** Length of the longest path when task `excludedId` is removed (dependencies on it dropped). */
export function longestPathWithout(result: CpmResult, excludedId: string): number {
  const byId = new Map(result.tasks.map((t) => [t.id, t]));
  const ef = new Map<string, number>();
  for (const id of result.order) {
    if (id === excludedId) continue;
    const t = byId.get(id)!;
    const start = Math.max(0, ...t.dependsOn.filter((d) => d !== excludedId).map((d) => ef.get(d)!));
    ef.set(id, start + t.duration);
  }
  return Math.max(0, ...ef.values());
}
