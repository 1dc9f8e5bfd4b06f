import { Hono } from "hono";
import * as v from "valibot";
import { ApproveContentInput } from "../../../durable-objects/lords/aesthete/approve-content.ts";
import { AssessQualityInput } from "../../../durable-objects/lords/aesthete/assess-quality.ts";
import { CheckBrandComplianceInput } from "../../../durable-objects/lords/aesthete/check-brand-compliance.ts";
import { EvaluateVisualConsistencyInput } from "../../../durable-objects/lords/aesthete/evaluate-visual-consistency.ts";
import { ListApprovedContentInput } from "../../../durable-objects/lords/aesthete/list-approved-content.ts";
import { ListReviewsInput } from "../../../durable-objects/lords/aesthete/list-reviews.ts";
import { ProvideDesignFeedbackInput } from "../../../durable-objects/lords/aesthete/provide-design-feedback.ts";
import { Uuid } from "../../../durable-objects/lords/aesthete/schemas.ts";
import type { AppEnv } from "../../../shared/app-env.ts";
import { lordAction, lordQuery } from "../routes.ts";

const ReviewParams = v.object({ review_id: Uuid });

/**
 * The Aesthete's routes under `/lords/aesthete` (its `status` is served with every Lord's):
 * quality assessment, brand compliance, visual consistency, design feedback and approval act
 * (lord operators and admins); reviews and approved content are read by every member.
 */
export const aestheteRoutes = new Hono<AppEnv>()
  .post("/assess-quality", ...lordAction("aesthete", "assess_quality", AssessQualityInput, { status: 201 }))
  .get("/reviews", ...lordQuery("aesthete", "list_reviews", ListReviewsInput))
  .get("/reviews/:review_id", ...lordQuery("aesthete", "get_review", undefined, { params: ReviewParams }))
  .post(
    "/brand-compliance/check",
    ...lordAction("aesthete", "check_brand_compliance", CheckBrandComplianceInput, { status: 201 }),
  )
  .post(
    "/consistency/evaluate",
    ...lordAction("aesthete", "evaluate_visual_consistency", EvaluateVisualConsistencyInput, { status: 201 }),
  )
  .post(
    "/feedback/provide",
    ...lordAction("aesthete", "provide_design_feedback", ProvideDesignFeedbackInput, { status: 201 }),
  )
  .post("/approve", ...lordAction("aesthete", "approve_content", ApproveContentInput, { status: 201 }))
  .get("/approved-content", ...lordQuery("aesthete", "list_approved_content", ListApprovedContentInput));
