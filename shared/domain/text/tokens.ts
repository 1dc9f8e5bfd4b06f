import { STOPWORDS } from "./stopwords.ts";

// Letters and digits, keeping inner apostrophes ("don't", "brand's") inside the word.
const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Lower-cased words of `text`, in order, duplicates kept. */
export function tokenize(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(WORD_PATTERN), (m) => m[0]);
}

/**
 * Folds simple English plurals and possessives so "campaigns" matches "campaign".
 * Deliberately light (no full stemmer): "-ies" → "-y", "-sses" → "-ss", a final "s" dropped unless the word ends in
 * "ss", "us" or "is" ("class", "status", "analysis" stay whole).
 */
export function foldPlural(word: string): string {
  const w = word.replace(/['’]s$/, "");
  if (w.length <= 3) return w;
  if (w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** The distinct topic-bearing tokens of `text`: stopwords removed, plurals folded. */
export function contentTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of tokenize(text)) {
    if (!STOPWORDS.has(token)) out.add(foldPlural(token));
  }
  return out;
}

/** Jaccard similarity |A ∩ B| / |A ∪ B|; two empty sets share nothing, so 0. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
