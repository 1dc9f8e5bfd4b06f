import type { ErrorDetail } from "../../http/api-error.ts";

/** One node of a dependency graph: a step key, the agent that runs it and the steps it waits for. */
export interface GraphNode {
  key: string;
  agentCode: string;
  dependsOn: readonly string[];
}

/** A validated graph: nodes in a topological order, grouped in levels that may run in parallel. */
export interface GraphPlan {
  order: string[];
  levels: string[][];
  /** Direct dependents of each node. */
  dependents: Record<string, string[]>;
}

/** The graph is not a DAG of known steps; `issues` name every problem with a field path. */
export class GraphError extends Error {
  readonly issues: ErrorDetail[];
  constructor(issues: ErrorDetail[]) {
    super(`Invalid dependency graph: ${issues.map((issue) => issue.message).join("; ")}`);
    this.name = "GraphError";
    this.issues = issues;
  }
}

/**
 * Validates the graph (unique keys, known dependencies, no self-loops, no cycles) and orders it with
 * Kahn's algorithm. Ties keep the caller's node order, so the plan is deterministic.
 */
export function planGraph(nodes: readonly GraphNode[]): GraphPlan {
  const issues: ErrorDetail[] = [];
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (index.has(node.key)) issues.push({ field: `nodes.${i}.key`, message: `duplicate step key "${node.key}"` });
    else index.set(node.key, i);
  });
  nodes.forEach((node, i) => {
    node.dependsOn.forEach((dep, j) => {
      const field = `nodes.${i}.depends_on.${j}`;
      if (dep === node.key) issues.push({ field, message: `step "${node.key}" depends on itself` });
      else if (!index.has(dep)) issues.push({ field, message: `step "${node.key}" depends on unknown step "${dep}"` });
    });
  });
  if (issues.length > 0) throw new GraphError(issues);

  const dependents: Record<string, string[]> = Object.fromEntries(nodes.map((node) => [node.key, []]));
  const waiting = new Map<string, number>();
  for (const node of nodes) {
    const deps = new Set(node.dependsOn);
    waiting.set(node.key, deps.size);
    for (const dep of deps) dependents[dep]?.push(node.key);
  }
  const levels: string[][] = [];
  let frontier = nodes.filter((node) => waiting.get(node.key) === 0).map((node) => node.key);
  while (frontier.length > 0) {
    levels.push(frontier);
    const next: string[] = [];
    for (const key of frontier) {
      for (const dependent of dependents[key] ?? []) {
        const left = (waiting.get(dependent) ?? 0) - 1;
        waiting.set(dependent, left);
        if (left === 0) next.push(dependent);
      }
    }
    frontier = next.sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
  }
  const order = levels.flat();
  if (order.length < nodes.length) {
    const cycle = findCycle(nodes.filter((node) => (waiting.get(node.key) ?? 0) > 0));
    throw new GraphError([{ field: "nodes", message: `dependency cycle: ${cycle.join(" → ")}`, cycle }]);
  }
  return { order, levels, dependents };
}

/** A cycle among nodes that Kahn's algorithm could not order, as a closed path `a → b → a`. */
function findCycle(stuck: readonly GraphNode[]): string[] {
  const byKey = new Map(stuck.map((node) => [node.key, node]));
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (key: string): string[] | undefined => {
    if (state.get(key) === "visiting") return [...path.slice(path.indexOf(key)), key];
    if (state.get(key) === "done" || !byKey.has(key)) return undefined;
    state.set(key, "visiting");
    path.push(key);
    for (const dep of byKey.get(key)?.dependsOn ?? []) {
      const found = visit(dep);
      if (found) return found;
    }
    path.pop();
    state.set(key, "done");
    return undefined;
  };
  for (const node of stuck) {
    const found = visit(node.key);
    // Walking dependencies finds the cycle backwards; reverse it so it reads in execution order.
    if (found) return found.reverse();
  }
  return stuck.map((node) => node.key);
}

/** Every node downstream of `key` (its dependents, theirs, …), in topological order. */
export function downstreamOf(plan: GraphPlan, key: string): string[] {
  const seen = new Set<string>();
  const stack = [...(plan.dependents[key] ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(plan.dependents[next] ?? []));
  }
  return plan.order.filter((k) => seen.has(k));
}

/** Execution states as the graph logic sees them. */
export type NodeStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "dead_lettered";

const BROKEN: ReadonlySet<NodeStatus> = new Set(["failed", "cancelled", "dead_lettered"]);

/** Direct dependents of `key` that are still queued and whose dependencies have all succeeded. */
export function readyDependents(
  nodes: readonly GraphNode[],
  plan: GraphPlan,
  key: string,
  status: ReadonlyMap<string, NodeStatus>,
): string[] {
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  return (plan.dependents[key] ?? []).filter(
    (dependent) =>
      status.get(dependent) === "queued" &&
      (byKey.get(dependent)?.dependsOn ?? []).every((dep) => status.get(dep) === "succeeded"),
  );
}

/**
 * After a failed node is retried: the nodes that were failed only because something upstream broke and
 * that no longer have a broken ancestor once `retried` is queued again. They go back to queued.
 */
export function unblockedByRetry(
  nodes: readonly GraphNode[],
  plan: GraphPlan,
  retried: string,
  status: ReadonlyMap<string, NodeStatus>,
  blocked: ReadonlySet<string>,
): string[] {
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const effective = new Map(status);
  effective.set(retried, "queued");
  const unblocked: string[] = [];
  for (const key of downstreamOf(plan, retried)) {
    if (!blocked.has(key)) continue;
    const deps = byKey.get(key)?.dependsOn ?? [];
    if (deps.some((dep) => BROKEN.has(effective.get(dep) ?? "queued"))) continue;
    effective.set(key, "queued");
    unblocked.push(key);
  }
  return unblocked;
}
