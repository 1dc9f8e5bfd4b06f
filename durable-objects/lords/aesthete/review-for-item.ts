import type { Tx } from "../../../shared/db/database.ts";
import type { QualityAssessment } from "../../../shared/domain/aesthete/index.ts";
import { DomainInputError } from "../../../shared/domain/errors.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import type { ContentItem } from "./content.ts";
import { findReview, type ReviewRecord, storedAssessment } from "./reviews.ts";

/**
 * The stored quality review a caller names for an item, with the assessment it was made from. It
 * must be a quality review of this item's current version: a review of an older revision says
 * nothing about the text being judged now (409, so the caller re-assesses).
 */
export async function reviewForItem(
  tx: Tx,
  workspaceId: string,
  reviewId: string,
  item: ContentItem,
): Promise<{ review: ReviewRecord; assessment: QualityAssessment }> {
  const review = await findReview(tx, workspaceId, reviewId);
  if (!review || review.content_item_id !== item.id) {
    throw ApiError.notFound("Review not found for this content item", "REVIEW_NOT_FOUND");
  }
  const assessment = storedAssessment(review);
  if (!assessment)
    throw new DomainInputError(
      "review_id",
      "must name a quality review with its rubric breakdown (not a brand-compliance or imported review)",
    );
  if (review.content_version !== null && review.content_version !== item.version) {
    throw ApiError.conflict(
      `The review judged version ${review.content_version}; the content item is at version ${item.version}`,
      [{ field: "review_id", message: "is a review of an older version; assess the current version" }],
      "STALE_REVIEW",
    );
  }
  return { review, assessment };
}
