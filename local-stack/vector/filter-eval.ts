import type { FilterNode, Literal, PathSegment } from "./filter-ast.ts";
import { matchGlob } from "./glob.ts";
import type { Metadata } from "./types.ts";

const MISSING = Symbol("missing");

/**
 * Whether a vector's metadata satisfies the filter.
 *
 * Every operator, negated ones included, only matches when the field exists with a value of the
 * type the operator applies to (`!=`/`NOT IN` need a string, number or boolean; `NOT GLOB` a
 * string; `NOT CONTAINS` an array); only `HAS NOT FIELD` matches a missing field.
 */
export function matchesFilter(node: FilterNode, metadata: Metadata | undefined): boolean {
  switch (node.kind) {
    case "and":
      return node.operands.every((operand) => matchesFilter(operand, metadata));
    case "or":
      return node.operands.some((operand) => matchesFilter(operand, metadata));
    case "hasField":
      return (resolve(metadata, node.path) !== MISSING) !== node.negated;
    case "compare": {
      const actual = resolve(metadata, node.path);
      const { operator, value } = node;
      if (operator === "=") return isScalar(actual) && equalsLiteral(actual, value);
      if (operator === "!=") return isScalar(actual) && !equalsLiteral(actual, value);
      if (typeof actual !== "number" || typeof value !== "number") return false;
      if (operator === "<") return actual < value;
      if (operator === "<=") return actual <= value;
      if (operator === ">") return actual > value;
      return actual >= value;
    }
    case "in": {
      const actual = resolve(metadata, node.path);
      return isScalar(actual) && node.values.some((value) => equalsLiteral(actual, value)) !== node.negated;
    }
    case "glob": {
      const actual = resolve(metadata, node.path);
      return typeof actual === "string" && matchGlob(node.pattern, actual) !== node.negated;
    }
    case "contains": {
      const actual = resolve(metadata, node.path);
      return (
        Array.isArray(actual) &&
        actual.some((item) => isScalar(item) && equalsLiteral(item, node.value)) !== node.negated
      );
    }
  }
}

/** Walks the path through own properties only, so `constructor` or `__proto__` never resolve to built-ins. */
function resolve(metadata: Metadata | undefined, path: PathSegment[]): unknown {
  let current: unknown = metadata;
  for (const segment of path) {
    if (segment.kind === "key") {
      if (current === null || typeof current !== "object" || Array.isArray(current)) return MISSING;
      if (!Object.hasOwn(current, segment.name)) return MISSING;
      current = (current as Record<string, unknown>)[segment.name];
    } else {
      if (!Array.isArray(current)) return MISSING;
      const index = segment.fromEnd ? current.length - segment.index : segment.index;
      if (index < 0 || index >= current.length) return MISSING;
      current = current[index];
    }
  }
  return current;
}

function isScalar(value: unknown): value is Literal {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** Same type and value; Upstash also writes booleans as `1`/`0`, so those numbers match booleans. */
function equalsLiteral(actual: Literal, literal: Literal): boolean {
  if (typeof actual === "boolean" && typeof literal === "number")
    return (literal === 1 && actual) || (literal === 0 && !actual);
  return actual === literal;
}
