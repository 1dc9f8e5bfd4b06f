import type { QualityAssessment, QualityDimension } from "./quality.ts";

/** Feedback tied to one rubric dimension. */
export interface FeedbackItem {
  dimension: QualityDimension;
  /** Points the dimension lost (weight × (1 − score)); 0 for strengths. */
  pointsLost: number;
  message: string;
}

/** Strengths, improvements (largest loss first) and a one-line summary. */
export interface DesignFeedback {
  strengths: FeedbackItem[];
  improvements: FeedbackItem[];
  summary: string;
}

/** A dimension scoring at least this is praised; below it, improvement is suggested. */
export const STRENGTH_SCORE = 0.8;

const ADVICE: Readonly<Record<QualityDimension, string>> = {
  readability: "Shorten sentences and prefer shorter, common words.",
  length: "Bring the length into the range for this content type.",
  brand_voice: "Work in the brand's voice keywords and required terms.",
  banned_terms: "Remove the banned terms.",
  clarity: "Split sentences longer than 25 words.",
  call_to_action: "Add a clear call to action.",
};

/** Turns an assessment into feedback: each applicable dimension becomes a strength or an improvement with advice. */
export function designFeedback(assessment: QualityAssessment): DesignFeedback {
  const applicable = assessment.breakdown.filter((d) => d.applicable);
  const strengths = applicable
    .filter((d) => d.score >= STRENGTH_SCORE)
    .map((d) => ({ dimension: d.dimension, pointsLost: 0, message: `${label(d.dimension)}: ${d.detail}.` }));
  const improvements = applicable
    .filter((d) => d.score < STRENGTH_SCORE)
    .map((d) => ({
      dimension: d.dimension,
      pointsLost: d.weight * (1 - d.score),
      message: `${label(d.dimension)}: ${d.detail}. ${ADVICE[d.dimension]}`,
    }))
    .sort((a, b) => b.pointsLost - a.pointsLost);
  const top = improvements[0];
  const summary =
    `Score ${assessment.total.toFixed(0)} (${assessment.level}). ` +
    (top ? `Biggest gain: ${label(top.dimension).toLowerCase()}.` : "No dimension needs work.");
  return { strengths, improvements, summary };
}

function label(d: QualityDimension): string {
  const text = d.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
