export { type ApprovalDecision, approvalDecision } from "./approval.ts";
export { deltaE76, hexToLab, type Lab, parseHex } from "./color.ts";
export { type ComplianceReport, checkBrandCompliance, type RuleResult, type Violation } from "./compliance.ts";
export {
  APPROVAL_THRESHOLD,
  CONTENT_TYPES,
  type ContentType,
  CTA_CONTENT_TYPES,
  DEFAULT_CTA_PHRASES,
  LENGTH_TARGETS,
  QUALITY_LEVELS,
  type QualityLevel,
  qualityLevel,
} from "./constants.ts";
export { type DesignFeedback, designFeedback, type FeedbackItem, STRENGTH_SCORE } from "./feedback.ts";
export type { BrandGuidelines, BrandRule } from "./guidelines.ts";
export {
  assessQuality,
  type DimensionScore,
  LONG_SENTENCE_WORDS,
  QUALITY_WEIGHTS,
  type QualityAssessment,
  type QualityDimension,
} from "./quality.ts";
export { type Readability, readability } from "./readability.ts";
export { findTerm, type TermMatch } from "./terms.ts";
export {
  type ConsistencyIssue,
  type ConsistencyReport,
  DEFAULT_MAX_DELTA_E,
  type LayoutAttributes,
  type VisualAsset,
  type VisualGuidelines,
  visualConsistency,
} from "./visual.ts";
