import type { ErrorDetail } from "../../../shared/http/api-error.ts";

/** What the reference checks need of a new task. */
export interface TaskReference {
  key: string;
  deadline?: string | undefined;
  depends_on?: readonly string[] | undefined;
}

/**
 * Problems with how a new plan's tasks refer to each other, each naming its field: a key used
 * twice, a dependency on a key the plan does not have or on the task itself, and a task deadline
 * after the plan's (the plan could then never meet it). Cycles are left to the critical-path pass,
 * which names the whole cycle.
 */
export function taskReferenceIssues(tasks: readonly TaskReference[], planDeadline?: string): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const keys = new Set(tasks.map((task) => task.key));
  const seen = new Set<string>();
  tasks.forEach((task, index) => {
    if (seen.has(task.key)) {
      issues.push({ field: `tasks.${index}.key`, message: `key "${task.key}" is already used by an earlier task` });
    }
    seen.add(task.key);
    for (const dependency of task.depends_on ?? []) {
      if (dependency === task.key) {
        issues.push({ field: `tasks.${index}.depends_on`, message: `task "${task.key}" cannot depend on itself` });
      } else if (!keys.has(dependency)) {
        issues.push({ field: `tasks.${index}.depends_on`, message: `depends on unknown task "${dependency}"` });
      }
    }
    if (planDeadline && task.deadline && Date.parse(task.deadline) > Date.parse(planDeadline)) {
      issues.push({ field: `tasks.${index}.deadline`, message: "must not be after the plan's deadline" });
    }
  });
  return issues;
}
