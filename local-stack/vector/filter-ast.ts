import type { GlobPattern } from "./glob.ts";

/** One step of a metadata path: an object key, or an array index (`[2]`, or `[#-1]` from the end). */
export type PathSegment = { kind: "key"; name: string } | { kind: "index"; index: number; fromEnd: boolean };

/** A literal on the right-hand side of an operator. */
export type Literal = string | number | boolean;

/** Operators comparing a field with one literal. */
export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** A parsed metadata filter. AND/OR are n-ary so long chains do not make the tree deep. */
export type FilterNode =
  | { kind: "and" | "or"; operands: FilterNode[] }
  | { kind: "compare"; path: PathSegment[]; operator: ComparisonOperator; value: Literal }
  | { kind: "in"; path: PathSegment[]; values: Literal[]; negated: boolean }
  | { kind: "glob"; path: PathSegment[]; pattern: GlobPattern; negated: boolean }
  | { kind: "contains"; path: PathSegment[]; value: Literal; negated: boolean }
  | { kind: "hasField"; path: PathSegment[]; negated: boolean };

/** A filter that cannot be parsed; `position` is the offending character offset. */
export class FilterSyntaxError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(`Invalid filter: ${message} (at position ${position})`);
    this.name = "FilterSyntaxError";
    this.position = position;
  }
}
