import type { Tx } from "../../../shared/db/database.ts";
import type { Fragment } from "../../../shared/db/pagination.ts";
import type { Json } from "../../../shared/db/rows.generated.ts";
import {
  assessQuality,
  type BrandGuidelines,
  type DesignFeedback,
  designFeedback,
  type QualityAssessment,
  qualityLevel,
} from "../../../shared/domain/aesthete/index.ts";
import type { ContentItem } from "./content.ts";
import type { ResolvedGuidelines } from "./guidelines.ts";

/** A content review as the Aesthete's routes answer with it. */
export interface ReviewRecord {
  id: string;
  content_item_id: string;
  content_version: number | null;
  review_kind: "quality" | "brand_compliance";
  score: number;
  quality_level: string;
  feedback: string | null;
  strengths: Json;
  improvements: Json;
  violations: Json;
  breakdown: Json;
  reviewed_by: string | null;
  created_at: Date;
}

/** The select list of a review: the score as a number (numeric reaches JS as a string). */
export function reviewColumns(tx: Tx, alias = "r"): Fragment {
  const a = tx(alias);
  return tx`${a}.id, ${a}.content_item_id, ${a}.content_version, ${a}.review_kind, ${a}.score::float8 as score,
            ${a}.quality_level, ${a}.feedback, ${a}.strengths, ${a}.improvements, ${a}.violations, ${a}.breakdown,
            ${a}.reviewed_by, ${a}.created_at`;
}

/** Rounds to the two decimals the score columns keep, so answers match what is stored. */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/** The rubric's verdict on one text: the assessment (score rounded as stored) and its feedback. */
export interface QualityVerdict {
  assessment: QualityAssessment;
  feedback: DesignFeedback;
}

/** The quality guidelines of resolved brand guidelines (compliance-only rules left out). */
export function qualityGuidelines(guidelines: ResolvedGuidelines): BrandGuidelines {
  const { voiceKeywords, requiredTerms, bannedTerms, ctaPhrases } = guidelines.text;
  return { voiceKeywords, requiredTerms, bannedTerms, ...(ctaPhrases ? { ctaPhrases } : {}) };
}

/**
 * Scores a text on the rubric. The total is rounded to the stored two decimals before the level is
 * read from it, so a review's level, its stored score and an approval made from it always agree.
 */
export function judgeQuality(text: string, item: ContentItem, guidelines: ResolvedGuidelines): QualityVerdict {
  const raw = assessQuality(text, item.content_type, qualityGuidelines(guidelines));
  const total = round2(raw.total);
  const assessment = { ...raw, total, level: qualityLevel(total) };
  return { assessment, feedback: designFeedback(assessment) };
}

/**
 * Points of the 0–100 score a dimension lost: its weight × (1 − score), rescaled by the weights
 * that applied (the total is points over applicable weights × 100).
 */
export function scorePointsLost(assessment: QualityAssessment, weightedLoss: number): number {
  const applicable = assessment.breakdown.filter((d) => d.applicable).reduce((sum, d) => sum + d.weight, 0);
  return applicable === 0 ? 0 : (100 * weightedLoss) / applicable;
}

/** Inserts a quality review of the item's current version, with the full breakdown. */
export async function insertQualityReview(
  tx: Tx,
  workspaceId: string,
  actorId: string,
  item: ContentItem,
  verdict: QualityVerdict,
  guidelines: ResolvedGuidelines,
): Promise<ReviewRecord> {
  const { assessment, feedback } = verdict;
  const strengths = feedback.strengths.map(({ dimension, message }) => ({ dimension, message }));
  const improvements = feedback.improvements.map(({ dimension, pointsLost, message }) => ({
    dimension,
    points_lost: round2(scorePointsLost(assessment, pointsLost)),
    message,
  }));
  const breakdown = {
    content_type: assessment.contentType,
    total: assessment.total,
    level: assessment.level,
    dimensions: assessment.breakdown,
    readability: assessment.readability,
    guidelines: guidelines.applied,
    unchecked_rules: guidelines.unchecked,
  };
  const [review] = await tx<ReviewRecord[]>`
    insert into public.content_reviews as r
      (workspace_id, content_item_id, content_version, review_kind, score, quality_level, feedback,
       strengths, improvements, breakdown, reviewed_by)
    values (${workspaceId}, ${item.id}, ${item.version}, 'quality', ${assessment.total}, ${assessment.level},
            ${feedback.summary}, ${tx.json(strengths)}, ${tx.json(improvements)},
            ${tx.json(breakdown as unknown as Json)}, ${actorId})
    returning ${reviewColumns(tx)}`;
  await tx`update public.content_items set quality_score = ${assessment.total}
           where workspace_id = ${workspaceId} and id = ${item.id}`;
  return review!;
}

/** Rebuilds the assessment a stored quality review was made from (for feedback and approval). */
export function storedAssessment(review: ReviewRecord): QualityAssessment | undefined {
  const b = review.breakdown as unknown as Partial<{
    content_type: QualityAssessment["contentType"];
    total: number;
    level: QualityAssessment["level"];
    dimensions: QualityAssessment["breakdown"];
    readability: QualityAssessment["readability"];
  }>;
  if (review.review_kind !== "quality" || !b.content_type || !Array.isArray(b.dimensions) || !b.readability) {
    return undefined;
  }
  return {
    contentType: b.content_type,
    total: review.score,
    level: qualityLevel(review.score),
    breakdown: b.dimensions,
    readability: b.readability,
  };
}

/** A review of the workspace by id (RLS applies), or undefined. */
export async function findReview(tx: Tx, workspaceId: string, reviewId: string): Promise<ReviewRecord | undefined> {
  const [review] = await tx<ReviewRecord[]>`
    select ${reviewColumns(tx)} from public.content_reviews r
    where r.workspace_id = ${workspaceId} and r.id = ${reviewId}`;
  return review;
}
