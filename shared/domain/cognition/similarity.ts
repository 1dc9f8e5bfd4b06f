import { contentTokens, foldPlural, jaccard } from "../text/index.ts";

/** Tags and insight words of a learning, normalised once for pairwise comparison. */
export interface LearningTerms {
  tags: Set<string>;
  words: Set<string>;
}

/** Lower-cased, plural-folded tags and the content words of the insight. */
export function learningTerms(l: { insight: string; tags?: readonly string[] }): LearningTerms {
  return {
    tags: new Set((l.tags ?? []).map((t) => foldPlural(t.trim().toLowerCase())).filter(Boolean)),
    words: contentTokens(l.insight),
  };
}

/** The larger of the tag-set and word-set Jaccard similarities: either shared labels or shared vocabulary link. */
export function learningSimilarity(a: LearningTerms, b: LearningTerms): number {
  return Math.max(jaccard(a.tags, b.tags), jaccard(a.words, b.words));
}
