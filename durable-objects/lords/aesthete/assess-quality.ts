import { defineCapability } from "../capability.ts";
import { resolveContent } from "./content.ts";
import { loadGuidelines } from "./guidelines.ts";
import { insertQualityReview, judgeQuality } from "./reviews.ts";
import { contentInput } from "./schemas.ts";

/** `POST /lords/aesthete/assess-quality`. */
export const AssessQualityInput = contentInput({});

/**
 * Scores content 0–100 on the rubric (shared/domain/aesthete/quality.ts: readability 25, length
 * fit 20, brand voice 20, banned terms 15, clarity 10, call to action 10, over the dimensions that
 * apply) against the workspace's active brand guidelines, and stores the review with its
 * breakdown, strengths and improvements.
 */
export const assessQuality = defineCapability({
  name: "assess_quality",
  description: "Scores content 0-100 on the quality rubric against the brand guidelines and stores the review",
  input: AssessQualityInput,
  mutates: true,
  async handler(input, ctx) {
    const result = await ctx.transaction(async (tx, emit) => {
      const guidelines = await loadGuidelines(tx, ctx.workspaceId, input.guideline_ids);
      const { item, text } = await resolveContent(tx, emit, ctx.workspaceId, ctx.actor.userId, input);
      const verdict = judgeQuality(text, item, guidelines);
      const review = await insertQualityReview(tx, ctx.workspaceId, ctx.actor.userId, item, verdict, guidelines);
      await emit("quality.assessed", {
        review_id: review.id,
        content_item_id: item.id,
        content_version: item.version,
        content_type: item.content_type,
        score: review.score,
        quality_level: review.quality_level,
      });
      return { review, content_item: { id: item.id, version: item.version, status: item.status } };
    });
    ctx.state.track("content", result.content_item.id, "in_review");
    ctx.state.count("quality_reviews");
    return result;
  },
});
