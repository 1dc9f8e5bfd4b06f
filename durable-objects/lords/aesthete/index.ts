import type { LordModule } from "../capability.ts";
import { approveContent } from "./approve-content.ts";
import { assessQuality } from "./assess-quality.ts";
import { checkBrandCompliance } from "./check-brand-compliance.ts";
import { evaluateVisualConsistency } from "./evaluate-visual-consistency.ts";
import { getReview } from "./get-review.ts";
import { listApprovedContent } from "./list-approved-content.ts";
import { listReviews } from "./list-reviews.ts";
import { provideDesignFeedback } from "./provide-design-feedback.ts";

/** The Aesthete (LORD-004): content quality, brand compliance, visual consistency, design feedback, approval. */
export const capabilities: LordModule["capabilities"] = [
  assessQuality,
  checkBrandCompliance,
  evaluateVisualConsistency,
  provideDesignFeedback,
  approveContent,
  listReviews,
  getReview,
  listApprovedContent,
] as LordModule["capabilities"];
