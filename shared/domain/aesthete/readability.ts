import { DomainInputError } from "../errors.ts";
import { countSyllables, sentenceSpans, wordSpans } from "../text/index.ts";

/** Counts and the two Flesch scores of a text. */
export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  /** 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words); higher is easier, 60–70 is plain English. */
  fleschReadingEase: number;
  /** 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59: the US school grade needed. */
  fleschKincaidGrade: number;
}

/**
 * Flesch reading ease (Flesch 1948) and Flesch–Kincaid grade (Kincaid et al. 1975). Words are runs of letters or
 * digits; sentences end at . ! ? or a line break (see sentenceSpans); syllables use the countSyllables heuristic.
 */
export function readability(text: string): Readability {
  const words = wordSpans(text);
  if (words.length === 0) throw new DomainInputError("text", "readability needs at least one word");
  const sentences = Math.max(1, sentenceSpans(text).length);
  const syllables = words.reduce((acc, w) => acc + countSyllables(w.text), 0);
  const wps = words.length / sentences;
  const spw = syllables / words.length;
  return {
    words: words.length,
    sentences,
    syllables,
    wordsPerSentence: wps,
    syllablesPerWord: spw,
    fleschReadingEase: 206.835 - 1.015 * wps - 84.6 * spw,
    fleschKincaidGrade: 0.39 * wps + 11.8 * spw - 15.59,
  };
}
