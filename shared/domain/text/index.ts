export { sentenceSpans, type TextSpan, wordSpans } from "./spans.ts";
export { STOPWORDS } from "./stopwords.ts";
export { countSyllables } from "./syllables.ts";
export { contentTokens, foldPlural, jaccard, tokenize } from "./tokens.ts";
