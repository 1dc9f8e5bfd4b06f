import { DomainInputError } from "../errors.ts";
import { requireUniqueIds } from "../validate.ts";

/** A node of a dependency graph: it may start only after every id in dependsOn has finished. */
export interface DependencyNode {
  id: string;
  dependsOn?: readonly string[];
}

/**
 * Ids in an order where every task comes after its dependencies (Kahn's algorithm, ties kept in input order).
 * Throws naming an unknown dependency, or the cycle as "A → B → C → A" where → reads "must finish before".
 */
export function topologicalOrder(nodes: readonly DependencyNode[], field = "tasks"): string[] {
  requireUniqueIds(
    field,
    nodes.map((n) => n.id),
  );
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  nodes.forEach((n, i) => {
    for (const dep of n.dependsOn ?? []) {
      if (!index.has(dep)) {
        throw new DomainInputError(`${field}[${i}].dependsOn`, `task "${n.id}" depends on unknown task "${dep}"`);
      }
    }
  });
  const waiting = nodes.map((n) => new Set(n.dependsOn ?? []).size);
  const done = new Set<string>();
  const order: string[] = [];
  // O(n²) scan keeps input order among ready tasks without a priority queue; plans have tens of tasks, not millions.
  while (order.length < nodes.length) {
    const next = nodes.findIndex((n, i) => !done.has(n.id) && waiting[i] === 0);
    if (next === -1) throw new DomainInputError(field, `dependency cycle ${describeCycle(nodes, done)}`);
    const id = nodes[next]!.id;
    done.add(id);
    order.push(id);
    nodes.forEach((n, i) => {
      if (new Set(n.dependsOn ?? []).has(id)) waiting[i]!--;
    });
  }
  return order;
}

// Every unfinished node has an unfinished dependency, so walking dependencies from one must revisit a node.
function describeCycle(nodes: readonly DependencyNode[], done: ReadonlySet<string>): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path: string[] = [];
  let current = nodes.find((n) => !done.has(n.id))!.id;
  while (!path.includes(current)) {
    path.push(current);
    current = byId.get(current)!.dependsOn!.find((d) => !done.has(d))!;
  }
  // The walk follows "depends on" edges; reverse it to read in precedence order, then start at the earliest input.
  const cycle = path.slice(path.indexOf(current)).reverse();
  const position = (id: string) => nodes.findIndex((n) => n.id === id);
  const start = cycle.reduce((best, id, i) => (position(id) < position(cycle[best]!) ? i : best), 0);
  const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
  return [...rotated, rotated[0]].join(" → ");
}
