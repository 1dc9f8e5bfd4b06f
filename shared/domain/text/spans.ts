/** A slice of a text with its character offsets (end exclusive). */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
// A sentence ends at a run of . ! ? (plus closing quotes or brackets) followed by whitespace, or at a line break:
// marketing copy puts headlines and bullets on their own lines without a full stop.
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s|$)|\n+/g;

/** Words of `text` with their positions. */
export function wordSpans(text: string): TextSpan[] {
  return Array.from(text.matchAll(WORD_PATTERN), (m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/**
 * Sentences of `text` with their positions; pieces without a word (stray punctuation) are dropped.
 * Abbreviations such as "e.g. " do split a sentence; readability formulas tolerate that small bias.
 */
export function sentenceSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let from = 0;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (/[\p{L}\p{N}]/u.test(body)) spans.push({ start: from + lead, end: from + lead + body.length, text: body });
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    push(m.index + (m[0].startsWith("\n") ? 0 : m[0].length));
    from = m.index + m[0].length;
  }
  push(text.length);
  return spans;
}
