import { type FilterNode, FilterSyntaxError, type Literal, type PathSegment } from "./filter-ast.ts";
import { type Token, tokenize } from "./filter-lexer.ts";
import { compileGlob } from "./glob.ts";

/** Parentheses deeper than this are refused: evaluation recurses once per level. */
const MAX_NESTING = 64;

/**
 * Parses an Upstash Vector metadata filter into an AST. Grammar (keywords case-insensitive):
 *
 *   filter    := or END
 *   or        := and ("OR" and)*
 *   and       := primary ("AND" primary)*           -- AND binds tighter than OR
 *   primary   := "(" or ")"
 *              | "HAS" ["NOT"] "FIELD" path
 *              | path ("=" | "!=" | "<" | "<=" | ">" | ">=") literal
 *              | path ["NOT"] "IN" "(" literal ("," literal)* ")"
 *              | path ["NOT"] "GLOB" string
 *              | path ["NOT"] "CONTAINS" literal
 *   literal   := string | number | "TRUE" | "FALSE"
 *
 * Anything else throws `FilterSyntaxError`; there is no fallback that matches everything.
 */
export function parseFilter(source: string): FilterNode {
  return new Parser(tokenize(source)).parse();
}

class Parser {
  readonly #tokens: Token[];
  #index = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  parse(): FilterNode {
    if (this.#peek().kind === "end") throw new FilterSyntaxError("filter is empty", 0);
    const node = this.#parseOr(0);
    const rest = this.#peek();
    if (rest.kind !== "end") throw new FilterSyntaxError(`unexpected ${describe(rest)}`, rest.position);
    return node;
  }

  #parseOr(depth: number): FilterNode {
    const operands = [this.#parseAnd(depth)];
    while (this.#acceptKeyword("OR")) operands.push(this.#parseAnd(depth));
    return operands.length === 1 ? operands[0]! : { kind: "or", operands };
  }

  #parseAnd(depth: number): FilterNode {
    const operands = [this.#parsePrimary(depth)];
    while (this.#acceptKeyword("AND")) operands.push(this.#parsePrimary(depth));
    return operands.length === 1 ? operands[0]! : { kind: "and", operands };
  }

  #parsePrimary(depth: number): FilterNode {
    const token = this.#next();
    if (token.kind === "(") {
      if (depth >= MAX_NESTING) throw new FilterSyntaxError("parentheses nested too deeply", token.position);
      const inner = this.#parseOr(depth + 1);
      this.#expect(")", "')'");
      return inner;
    }
    if (token.kind !== "word")
      throw new FilterSyntaxError(`expected a field name, found ${describe(token)}`, token.position);
    if (isKeyword(token, "HAS") && this.#peekIsHasField()) {
      const negated = this.#acceptKeyword("NOT");
      this.#expectKeyword("FIELD");
      const field = this.#next();
      if (field.kind !== "word")
        throw new FilterSyntaxError(`expected a field name, found ${describe(field)}`, field.position);
      return { kind: "hasField", path: parsePath(field), negated };
    }
    return this.#parseCondition(parsePath(token), token);
  }

  #parseCondition(path: PathSegment[], field: Token & { kind: "word" }): FilterNode {
    const token = this.#next();
    if (token.kind === "operator") {
      const value = this.#parseLiteral();
      if (token.operator !== "=" && token.operator !== "!=" && typeof value !== "number") {
        throw new FilterSyntaxError(`operator ${token.operator} needs a number`, token.position);
      }
      return { kind: "compare", path, operator: token.operator, value };
    }
    const negated = isKeyword(token, "NOT");
    const operator = negated ? this.#next() : token;
    if (isKeyword(operator, "IN")) return { kind: "in", path, values: this.#parseList(), negated };
    if (isKeyword(operator, "CONTAINS")) return { kind: "contains", path, value: this.#parseLiteral(), negated };
    if (isKeyword(operator, "GLOB")) {
      const pattern = this.#next();
      if (pattern.kind !== "string") throw new FilterSyntaxError("GLOB needs a quoted pattern", pattern.position);
      return { kind: "glob", path, pattern: compileGlob(pattern.value, pattern.position), negated };
    }
    const message = negated
      ? `expected IN, GLOB or CONTAINS after '${field.text} NOT'`
      : `expected an operator after field '${field.text}'`;
    throw new FilterSyntaxError(message, operator.position);
  }

  #parseList(): Literal[] {
    this.#expect("(", "'(' after IN");
    const values = [this.#parseLiteral()];
    while (this.#peek().kind === ",") {
      this.#next();
      values.push(this.#parseLiteral());
    }
    this.#expect(")", "',' or ')' in IN list");
    return values;
  }

  #parseLiteral(): Literal {
    const token = this.#next();
    if (token.kind === "string" || token.kind === "number") return token.value;
    if (isKeyword(token, "TRUE")) return true;
    if (isKeyword(token, "FALSE")) return false;
    // A bare word here is almost always a forgotten quote; refusing it keeps values unambiguous.
    throw new FilterSyntaxError(
      `expected a quoted string, number or boolean, found ${describe(token)}`,
      token.position,
    );
  }

  #peekIsHasField(): boolean {
    const next = this.#peek();
    const after = this.#tokens[this.#index + 1];
    return isKeyword(next, "FIELD") || (isKeyword(next, "NOT") && after !== undefined && isKeyword(after, "FIELD"));
  }

  #peek(): Token {
    return this.#tokens[this.#index]!;
  }

  #next(): Token {
    const token = this.#tokens[this.#index]!;
    if (token.kind !== "end") this.#index++;
    return token;
  }

  #acceptKeyword(keyword: string): boolean {
    if (!isKeyword(this.#peek(), keyword)) return false;
    this.#index++;
    return true;
  }

  #expectKeyword(keyword: string): void {
    const token = this.#next();
    if (!isKeyword(token, keyword))
      throw new FilterSyntaxError(`expected ${keyword}, found ${describe(token)}`, token.position);
  }

  #expect(kind: "(" | ")", what: string): void {
    const token = this.#next();
    if (token.kind !== kind) throw new FilterSyntaxError(`expected ${what}, found ${describe(token)}`, token.position);
  }
}

function isKeyword(token: Token, keyword: string): boolean {
  return token.kind === "word" && token.text.toUpperCase() === keyword;
}

function describe(token: Token): string {
  switch (token.kind) {
    case "word":
      return `'${token.text}'`;
    case "string":
      return "a string literal";
    case "number":
      return `the number ${token.value}`;
    case "operator":
      return `'${token.operator}'`;
    case "end":
      return "the end of the filter";
    default:
      return `'${token.kind}'`;
  }
}

const KEY = /[A-Za-z0-9_-]+/y;
const INDEX = /\[(#-)?(\d+)\]/y;

/** Splits `a.b[0].c[#-1]` into key and index steps; anything else in an identifier is an error. */
export function parsePath(token: Token & { kind: "word" }): PathSegment[] {
  const text = token.text;
  const segments: PathSegment[] = [];
  let i = 0;
  for (;;) {
    KEY.lastIndex = i;
    const key = KEY.exec(text);
    if (!key) throw new FilterSyntaxError(`invalid field name '${text}'`, token.position + i);
    segments.push({ kind: "key", name: key[0] });
    i += key[0].length;
    for (;;) {
      INDEX.lastIndex = i;
      const index = INDEX.exec(text);
      if (!index) break;
      segments.push({ kind: "index", index: Number(index[2]), fromEnd: index[1] !== undefined });
      i += index[0].length;
    }
    if (i === text.length) return segments;
    if (text[i] !== ".") throw new FilterSyntaxError(`invalid field name '${text}'`, token.position + i);
    i++;
  }
}
