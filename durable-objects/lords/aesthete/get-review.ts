import * as v from "valibot";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { findReview } from "./reviews.ts";
import { Uuid } from "./schemas.ts";

/** `GET /lords/aesthete/reviews/:review_id`. */
export const GetReviewInput = v.object({ review_id: Uuid });

/** One review with its breakdown; another workspace's review is not found. */
export const getReview = defineCapability({
  name: "get_review",
  description: "Reads one content review with its breakdown",
  input: GetReviewInput,
  mutates: false,
  async handler(input, ctx) {
    const review = await ctx.transaction((tx) => findReview(tx, ctx.workspaceId, input.review_id));
    if (!review) throw ApiError.notFound("Review not found", "REVIEW_NOT_FOUND");
    return review;
  },
});
