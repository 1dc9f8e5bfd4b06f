import { type ComparisonOperator, FilterSyntaxError } from "./filter-ast.ts";

/** A lexical token of the filter language, with the offset where it starts. */
export type Token =
  | { kind: "word"; text: string; position: number }
  | { kind: "string"; value: string; position: number }
  | { kind: "number"; value: number; position: number }
  | { kind: "operator"; operator: ComparisonOperator; position: number }
  | { kind: "(" | ")" | "," | "end"; position: number };

// Upstash's identifier grammar is `[a-zA-Z_][a-zA-Z_0-9.[\]#-]*`; keywords are words too and are
// told apart by the parser, case-insensitively, from where they stand.
const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_.[\]#-]/;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', n: "\n", r: "\r", t: "\t" };

/** Splits a filter into tokens; anything outside the language is a `FilterSyntaxError`, never skipped. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === " " || char === "\t" || char === "\n" || char === "\r") {
      i++;
    } else if (char === "(" || char === ")" || char === ",") {
      tokens.push({ kind: char, position: i });
      i++;
    } else if (char === "'" || char === '"') {
      const [value, next] = readString(source, i);
      tokens.push({ kind: "string", value, position: i });
      i = next;
    } else if (char === "=" || char === "!" || char === "<" || char === ">") {
      const [operator, next] = readOperator(source, i);
      tokens.push({ kind: "operator", operator, position: i });
      i = next;
    } else if (/\d/.test(char) || (char === "-" && /\d/.test(source[i + 1] ?? ""))) {
      const [value, next] = readNumber(source, i);
      tokens.push({ kind: "number", value, position: i });
      i = next;
    } else if (WORD_START.test(char)) {
      let end = i + 1;
      while (end < source.length && WORD_PART.test(source[end]!)) end++;
      tokens.push({ kind: "word", text: source.slice(i, end), position: i });
      i = end;
    } else {
      throw new FilterSyntaxError(`unexpected character ${JSON.stringify(char)}`, i);
    }
  }
  tokens.push({ kind: "end", position: source.length });
  return tokens;
}

/** Reads a single- or double-quoted literal; `\\`, `\'`, `\"`, `\n`, `\r`, `\t` are the only escapes. */
function readString(source: string, start: number): [string, number] {
  const quote = source[start];
  let value = "";
  let i = start + 1;
  while (i < source.length) {
    const char = source[i]!;
    if (char === quote) return [value, i + 1];
    if (char === "\\") {
      const escaped = ESCAPES[source[i + 1] ?? ""];
      // An unknown escape is an error rather than a literal backslash, so a quoting mistake can
      // never silently change what a string means.
      if (escaped === undefined) throw new FilterSyntaxError("invalid escape sequence in string literal", i);
      value += escaped;
      i += 2;
    } else {
      value += char;
      i++;
    }
  }
  throw new FilterSyntaxError("unterminated string literal", start);
}

function readOperator(source: string, start: number): [ComparisonOperator, number] {
  const two = source.slice(start, start + 2);
  if (two === "!=" || two === "<=" || two === ">=") return [two, start + 2];
  const one = source[start];
  if (one === "=" || one === "<" || one === ">") return [one, start + 1];
  throw new FilterSyntaxError("'!' must be followed by '='", start);
}

function readNumber(source: string, start: number): [number, number] {
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(source);
  const end = start + (match?.[0].length ?? 0);
  // "12abc" or "1.2.3" is neither a number nor a word: reject it instead of splitting it.
  if (!match || WORD_PART.test(source[end] ?? "")) throw new FilterSyntaxError("invalid number literal", start);
  const value = Number(match[0]);
  if (!Number.isFinite(value)) throw new FilterSyntaxError("number literal out of range", start);
  return [value, end];
}
