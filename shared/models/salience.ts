/** The salient material of a prompt: what the offline model builds its answers from. */
export interface Vocabulary {
  /** Multi-word phrases and quoted values, most salient first. */
  phrases: string[];
  /** Content words, most frequent first. */
  words: string[];
  /** The whole prompt, lower-cased, to test whether it mentions an enum value. */
  haystack: string;
}

// Function words and prompt boilerplate: they never carry the subject of a request.
const STOPWORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers him his how
  i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own
  same she should so some such than that the their theirs them then there these they this those through to too under
  until up very was we were what when where which while who whom why will with would you your yours
  please return reply respond json output generate create write produce give provide schema field fields object
  must include following based using use per each every given below above valid only
  short brief summary summarise summarize describe explain draft`.split(/\s+/),
);

const MAX_PHRASE_WORDS = 4;
// URLs, emails, dates, ids and numbers are data, not phrases a sentence can be built from.
const MACHINE_VALUE = /^(https?:\/\/|[\w.+-]+@[\w-]+\.|[\d\s.,:%$#+-]+$|[0-9a-f-]{16,}$)/i;
const MAX_QUOTED_WORDS = 6;

// The request is what the answer is about; instructions only colour it, so their phrases count for less.
const REQUEST_WEIGHT = 1;
const INSTRUCTION_WEIGHT = 0.2;

/** Builds the vocabulary from the request (user turns) and the instructions (system prompt). */
export function buildVocabulary(request: readonly string[], instructions: readonly string[] = []): Vocabulary {
  const phrases = new Map<string, { text: string; score: number; order: number }>();
  const words = new Map<string, { text: string; count: number; order: number }>();
  let order = 0;

  const addPhrase = (text: string, weight: number) => {
    const clean = text.replace(/\s+/g, " ").trim();
    if (clean.length < 3) return;
    const key = clean.toLowerCase();
    const entry = phrases.get(key);
    if (entry) entry.score += weight;
    else phrases.set(key, { text: clean, score: weight, order: order++ });
  };
  const addWords = (run: readonly string[]) => {
    for (const word of run) {
      const key = word.toLowerCase();
      const entry = words.get(key);
      if (entry) entry.count++;
      else words.set(key, { text: word, count: 1, order: order++ });
    }
  };

  const texts = [
    ...request.map((text) => ({ text, weight: REQUEST_WEIGHT })),
    ...instructions.map((text) => ({ text, weight: INSTRUCTION_WEIGHT })),
  ];
  for (const { text, weight } of texts) {
    const { values, rest } = splitJson(text);
    for (const value of values) {
      if (MACHINE_VALUE.test(value)) continue;
      // A short quoted value ("eco-friendly running shoes") is the user's own phrase: keep it whole. Single
      // words ("conversion") are usually enum-like settings, and sentences are prose: both count for less.
      const size = value.trim().split(/\s+/).length;
      const isPhrase = size <= MAX_QUOTED_WORDS && !/[.!?;:]/.test(value);
      if (isPhrase) addPhrase(value, (size > 1 ? 3 : 1.5) * weight);
      for (const run of contentRuns(value)) {
        addWords(run);
        if (!isPhrase) for (const part of chunk(run)) addPhrase(part.join(" "), ((1 + part.length) / 2) * weight);
      }
    }
    for (const run of contentRuns(rest)) {
      addWords(run);
      // Longer runs of content words are more specific ("eco-friendly running shoes" over "launch").
      for (const part of chunk(run)) addPhrase(part.join(" "), (1 + part.length) * weight);
    }
  }

  return {
    phrases: [...phrases.values()].sort((a, b) => b.score - a.score || a.order - b.order).map((p) => p.text),
    words: [...words.values()].sort((a, b) => b.count - a.count || a.order - b.order).map((w) => w.text),
    haystack: texts
      .map((entry) => entry.text)
      .join("\n")
      .toLowerCase(),
  };
}

/** Runs of consecutive content words, broken at punctuation and stopwords. */
function contentRuns(text: string): string[][] {
  const runs: string[][] = [];
  for (const segment of text.split(/[.,;:!?()[\]{}"“”'`|/\\\n\t]+/)) {
    let run: string[] = [];
    for (const raw of segment.split(/\s+/)) {
      const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      const keep = word.length >= 3 && /\p{L}/u.test(word) && !STOPWORDS.has(word.toLowerCase());
      if (keep) run.push(word);
      else if (run.length > 0) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

function chunk(run: readonly string[]): string[][] {
  const parts: string[][] = [];
  for (let i = 0; i < run.length; i += MAX_PHRASE_WORDS) parts.push(run.slice(i, i + MAX_PHRASE_WORDS));
  return parts;
}

/** Pulls the string values out of any JSON objects embedded in the text; the rest is returned as prose. */
function splitJson(text: string): { values: string[]; rest: string } {
  const values: string[] = [];
  let rest = "";
  let cursor = 0;
  while (cursor < text.length) {
    const start = text.slice(cursor).search(/[{[]/);
    if (start < 0) break;
    const open = cursor + start;
    const close = matchingBracket(text, open);
    const parsed = close < 0 ? undefined : tryParse(text.slice(open, close + 1));
    if (parsed === undefined) {
      rest += text.slice(cursor, open + 1);
      cursor = open + 1;
      continue;
    }
    rest += `${text.slice(cursor, open)}\n`;
    collectStrings(parsed, values);
    cursor = close + 1;
  }
  return { values, rest: rest + text.slice(cursor) };
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function tryParse(candidate: string): unknown {
  try {
    return JSON.parse(candidate);
  } catch {
    return undefined;
  }
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) collectStrings(item, into);
}
