import { FilterSyntaxError } from "./filter-ast.ts";

type GlobPart =
  | { kind: "literal"; codePoint: number }
  | { kind: "any" }
  | { kind: "star" }
  | { kind: "class"; negated: boolean; ranges: Array<[number, number]> };

/** A compiled UNIX glob: `*`, `?`, `[abc]`, `[a-z]`, `[^a-z]`, and `\` to take the next character literally. */
export type GlobPattern = readonly GlobPart[];

/**
 * Compiles a GLOB pattern once per filter, so evaluation never re-parses it. `position` is where
 * the pattern's literal starts in the filter, for error messages.
 */
export function compileGlob(pattern: string, position: number): GlobPattern {
  const chars = Array.from(pattern, (char) => char.codePointAt(0)!);
  const parts: GlobPart[] = [];
  let i = 0;
  const literalAt = (index: number): [number, number] => {
    const char = chars[index];
    if (char === undefined) throw new FilterSyntaxError("GLOB pattern ends inside a character class", position);
    if (char !== BACKSLASH) return [char, index + 1];
    const escaped = chars[index + 1];
    if (escaped === undefined) throw new FilterSyntaxError("GLOB pattern ends with a lone backslash", position);
    return [escaped, index + 2];
  };
  while (i < chars.length) {
    const char = chars[i]!;
    if (char === STAR) {
      // Consecutive stars match the same strings as one; collapsing keeps matching linear.
      if (parts.at(-1)?.kind !== "star") parts.push({ kind: "star" });
      i++;
    } else if (char === QUESTION) {
      parts.push({ kind: "any" });
      i++;
    } else if (char === OPEN_BRACKET) {
      const [part, next] = compileClass(chars, i + 1, literalAt, position);
      parts.push(part);
      i = next;
    } else {
      const [codePoint, next] = literalAt(i);
      parts.push({ kind: "literal", codePoint });
      i = next;
    }
  }
  return parts;
}

function compileClass(
  chars: number[],
  start: number,
  literalAt: (index: number) => [number, number],
  position: number,
): [GlobPart, number] {
  let i = start;
  const negated = chars[i] === CARET;
  if (negated) i++;
  const ranges: Array<[number, number]> = [];
  let first = true;
  for (;;) {
    const char = chars[i];
    if (char === undefined) throw new FilterSyntaxError("GLOB pattern has an unclosed '['", position);
    // A ']' right after '[' or '[^' is a member, as in every UNIX glob.
    if (char === CLOSE_BRACKET && !first) return [{ kind: "class", negated, ranges }, i + 1];
    first = false;
    const [low, afterLow] = literalAt(i);
    if (chars[afterLow] === DASH && chars[afterLow + 1] !== undefined && chars[afterLow + 1] !== CLOSE_BRACKET) {
      const [high, afterHigh] = literalAt(afterLow + 1);
      if (high < low) throw new FilterSyntaxError("GLOB pattern has a reversed range", position);
      ranges.push([low, high]);
      i = afterHigh;
    } else {
      ranges.push([low, low]);
      i = afterLow;
    }
  }
}

/** Whether `text` matches the whole of `pattern` (case-sensitive, by Unicode code point). */
export function matchGlob(pattern: GlobPattern, text: string): boolean {
  const chars = Array.from(text, (char) => char.codePointAt(0)!);
  let p = 0;
  let t = 0;
  // Backtracking only to the most recent star is enough: every other part consumes exactly one character.
  let starPart = -1;
  let starText = 0;
  while (t < chars.length) {
    const part = pattern[p];
    if (part?.kind === "star") {
      starPart = p++;
      starText = t;
    } else if (part && matchesOne(part, chars[t]!)) {
      p++;
      t++;
    } else if (starPart >= 0) {
      p = starPart + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (pattern[p]?.kind === "star") p++;
  return p === pattern.length;
}

function matchesOne(part: Exclude<GlobPart, { kind: "star" }>, codePoint: number): boolean {
  switch (part.kind) {
    case "literal":
      return part.codePoint === codePoint;
    case "any":
      return true;
    case "class": {
      const inClass = part.ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
      return inClass !== part.negated;
    }
  }
}

const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const BACKSLASH = 0x5c;
