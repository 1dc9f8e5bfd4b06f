/** An occurrence of a term in a text. */
export interface TermMatch {
  start: number;
  end: number;
  text: string;
}

/**
 * Whole-word, case-insensitive occurrences of `term` (a word or phrase; any run of whitespace in it matches any run
 * in the text). "ad" does not match inside "advert".
 */
export function findTerm(text: string, term: string): TermMatch[] {
  const words = term.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const body = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "giu");
  return Array.from(text.matchAll(pattern), (m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}
