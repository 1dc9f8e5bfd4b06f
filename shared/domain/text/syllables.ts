// Heuristic after Greg Fast's Lingua::EN::Syllable (Perl, CPAN): count vowel groups, then correct for common
// spellings where that count is off by one. Roughly 85–90% of English words come out exact; errors are ±1.
const SUBTRACT = [/cial/, /tia/, /cius/, /cious/, /giu/, /ion/, /iou/, /sia$/, /.ely$/, /[^aeiouytd]ed$/];
const ADD = [
  /ia/,
  /riet/,
  /dien/,
  /iu/,
  /io/,
  /ii/,
  /[aeiouym]bl$/,
  /[aeiou]{3}/,
  /^mc/,
  /ism$/,
  /([^aeiouy])\1l$/,
  /[^l]lien/,
  /^coa[dglx]./,
  /[^gq]ua[^auieo]/,
  /dnt$/,
];

/**
 * Estimated syllables in one English word: vowel groups (a e i o u y) after dropping a silent final "e", minus one
 * per SUBTRACT match ("-cial", "-tion", past-tense "-ed" after a consonant other than t/d), plus one per ADD match
 * ("ia" in "Australian", "-ism"), never below 1. Tokens without letters (numbers) count as one syllable.
 */
export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length === 0) return 1;
  if (w.length === 1) return 1;
  const stem = w.replace(/e$/, "");
  let count = stem.split(/[^aeiouy]+/).filter((g) => g.length > 0).length;
  for (const pattern of SUBTRACT) if (pattern.test(stem)) count--;
  for (const pattern of ADD) if (pattern.test(stem)) count++;
  return Math.max(1, count);
}
