import { DomainInputError } from "../errors.ts";
import { sentenceSpans, wordSpans } from "../text/index.ts";
import {
  CONTENT_TYPES,
  type ContentType,
  CTA_CONTENT_TYPES,
  DEFAULT_CTA_PHRASES,
  LENGTH_TARGETS,
  type QualityLevel,
  qualityLevel,
} from "./constants.ts";
import type { BrandGuidelines } from "./guidelines.ts";
import { type Readability, readability } from "./readability.ts";
import { findTerm } from "./terms.ts";

/** The rubric's dimensions. */
export type QualityDimension = "readability" | "length" | "brand_voice" | "banned_terms" | "clarity" | "call_to_action";

/** One dimension's result: score 0–1, points = weight·score, or not applicable (no criteria to judge by). */
export interface DimensionScore {
  dimension: QualityDimension;
  weight: number;
  applicable: boolean;
  score: number;
  points: number;
  detail: string;
}

/** A quality assessment: total 0–100, level, per-dimension breakdown and the readability figures. */
export interface QualityAssessment {
  contentType: ContentType;
  total: number;
  level: QualityLevel;
  breakdown: DimensionScore[];
  readability: Readability;
}

/** Rubric weights (sum 100): how easy, how long, on-voice, clean, clear, actionable. */
export const QUALITY_WEIGHTS: Readonly<Record<QualityDimension, number>> = {
  readability: 25,
  length: 20,
  brand_voice: 20,
  banned_terms: 15,
  clarity: 10,
  call_to_action: 10,
};

/** Sentences longer than this lose readers (UK Government Digital Service plain-English guidance). */
export const LONG_SENTENCE_WORDS = 25;

/**
 * Scores content on the rubric:
 * - readability: Flesch reading ease mapped linearly from 30 ("very difficult", 0) to 60 ("plain English", 1);
 * - length: 1 inside the content type's word range (LENGTH_TARGETS), else words/min below it or max/words above;
 * - brand_voice: share of voice keywords and required terms present;
 * - banned_terms: 1 − 0.5 per occurrence of a banned term, floored at 0;
 * - clarity: share of sentences of at most 25 words;
 * - call_to_action: 1 if a CTA phrase appears, else 0 — only for copy, messaging and interactive content.
 * Dimensions without criteria (no keywords, no banned terms, no CTA expected) are not applicable; the total is
 * points over applicable weights × 100, so missing guidelines neither reward nor punish content.
 */
export function assessQuality(
  content: string,
  contentType: ContentType,
  guidelines: BrandGuidelines = {},
): QualityAssessment {
  if (!CONTENT_TYPES.includes(contentType)) {
    throw new DomainInputError("contentType", `must be one of ${CONTENT_TYPES.join(", ")}, got ${String(contentType)}`);
  }
  if (typeof content !== "string" || wordSpans(content).length === 0) {
    throw new DomainInputError("content", "must contain at least one word");
  }
  const stats = readability(content);
  const dims: Omit<DimensionScore, "weight" | "points">[] = [
    readabilityDimension(stats),
    lengthDimension(stats.words, contentType),
    voiceDimension(content, guidelines),
    bannedDimension(content, guidelines.bannedTerms ?? []),
    clarityDimension(content),
    ctaDimension(content, contentType, guidelines.ctaPhrases ?? DEFAULT_CTA_PHRASES),
  ];
  const breakdown = dims.map((d) => {
    const weight = QUALITY_WEIGHTS[d.dimension];
    return { ...d, weight, points: d.applicable ? weight * d.score : 0 };
  });
  const applicableWeight = breakdown.filter((d) => d.applicable).reduce((a, d) => a + d.weight, 0);
  const total = (100 * breakdown.reduce((a, d) => a + d.points, 0)) / applicableWeight;
  return { contentType, total, level: qualityLevel(total), breakdown, readability: stats };
}

type DimensionDraft = Omit<DimensionScore, "weight" | "points">;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function readabilityDimension(r: Readability): DimensionDraft {
  const score = clamp01((r.fleschReadingEase - 30) / 30);
  return {
    dimension: "readability",
    applicable: true,
    score,
    detail:
      `Flesch reading ease ${r.fleschReadingEase.toFixed(1)} (grade ${r.fleschKincaidGrade.toFixed(1)}); ` +
      `${r.wordsPerSentence.toFixed(1)} words per sentence, ${r.syllablesPerWord.toFixed(2)} syllables per word`,
  };
}

function lengthDimension(words: number, type: ContentType): DimensionDraft {
  const { min, max } = LENGTH_TARGETS[type];
  const score = words < min ? words / min : words > max ? max / words : 1;
  return { dimension: "length", applicable: true, score, detail: `${words} words; ${type} targets ${min}–${max}` };
}

function voiceDimension(content: string, g: BrandGuidelines): DimensionDraft {
  const wanted = [...new Set([...(g.voiceKeywords ?? []), ...(g.requiredTerms ?? [])])];
  if (wanted.length === 0) {
    return {
      dimension: "brand_voice",
      applicable: false,
      score: 1,
      detail: "no voice keywords or required terms given",
    };
  }
  const missing = wanted.filter((t) => findTerm(content, t).length === 0);
  const present = wanted.length - missing.length;
  return {
    dimension: "brand_voice",
    applicable: true,
    score: present / wanted.length,
    detail: `${present} of ${wanted.length} voice terms used${missing.length ? `; missing: ${missing.join(", ")}` : ""}`,
  };
}

function bannedDimension(content: string, banned: readonly string[]): DimensionDraft {
  if (banned.length === 0) {
    return { dimension: "banned_terms", applicable: false, score: 1, detail: "no banned terms given" };
  }
  const found = banned.flatMap((t) => findTerm(content, t).map((m) => m.text));
  return {
    dimension: "banned_terms",
    applicable: true,
    score: clamp01(1 - 0.5 * found.length),
    detail: found.length === 0 ? "no banned terms used" : `banned terms used: ${found.join(", ")}`,
  };
}

function clarityDimension(content: string): DimensionDraft {
  const sentences = sentenceSpans(content);
  const long = sentences.filter((s) => wordSpans(s.text).length > LONG_SENTENCE_WORDS).length;
  return {
    dimension: "clarity",
    applicable: true,
    score: sentences.length === 0 ? 1 : 1 - long / sentences.length,
    detail: `${long} of ${sentences.length} sentences exceed ${LONG_SENTENCE_WORDS} words`,
  };
}

function ctaDimension(content: string, type: ContentType, phrases: readonly string[]): DimensionDraft {
  if (!CTA_CONTENT_TYPES.has(type)) {
    return {
      dimension: "call_to_action",
      applicable: false,
      score: 1,
      detail: `${type} content needs no call to action`,
    };
  }
  const hit = phrases.find((p) => findTerm(content, p).length > 0);
  return {
    dimension: "call_to_action",
    applicable: true,
    score: hit ? 1 : 0,
    detail: hit ? `call to action present ("${hit}")` : "no call to action found",
  };
}
