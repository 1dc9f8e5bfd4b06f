import { requireInRange } from "../validate.ts";
import { APPROVAL_THRESHOLD, type QualityLevel, qualityLevel } from "./constants.ts";

/** The approval outcome for a quality score. */
export interface ApprovalDecision {
  approved: boolean;
  score: number;
  threshold: number;
  level: QualityLevel;
  /** score − threshold: how far above (or below) the bar the content is. */
  margin: number;
}

/** Approves content scoring at least 75 of 100. */
export function approvalDecision(score: number): ApprovalDecision {
  requireInRange("score", score, 0, 100);
  return {
    approved: score >= APPROVAL_THRESHOLD,
    score,
    threshold: APPROVAL_THRESHOLD,
    level: qualityLevel(score),
    margin: score - APPROVAL_THRESHOLD,
  };
}
