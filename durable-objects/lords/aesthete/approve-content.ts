import * as v from "valibot";
import { approvalDecision, designFeedback, type QualityAssessment } from "../../../shared/domain/aesthete/index.ts";
import { strictBody } from "../../../shared/http/fields.ts";
import { defineCapability } from "../capability.ts";
import { resolveContent } from "./content.ts";
import { loadGuidelines } from "./guidelines.ts";
import { reviewForItem } from "./review-for-item.ts";
import { insertQualityReview, judgeQuality, round2 } from "./reviews.ts";
import { Uuid } from "./schemas.ts";

/** `POST /lords/aesthete/approve`. */
export const ApproveContentInput = v.pipe(
  strictBody({
    content_item_id: Uuid,
    /** A new revision of the item's text, judged instead of the stored one (version + 1). */
    content: v.optional(v.pipe(v.string(), v.minLength(1, "must not be empty"), v.maxLength(100_000))),
    /** A quality review of the current version to decide on; without one the content is assessed now. */
    review_id: v.optional(Uuid),
    notes: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2_000))),
    guideline_ids: v.optional(v.pipe(v.array(Uuid), v.minLength(1), v.maxLength(100))),
  }),
  v.forward(
    v.check(
      (input) => input.review_id === undefined || input.content === undefined,
      "cannot be combined with content: a new revision has no review yet",
    ),
    ["review_id"],
  ),
);

/** An approval_workflows row as the route answers with it. */
interface WorkflowRow {
  id: string;
  status: "approved" | "rejected";
  threshold: number;
  score: number;
  review_id: string;
  content_version: number;
  requested_by: string | null;
  decided_by: string;
  decided_at: Date;
  decision_notes: string;
  created_at: Date;
}

/**
 * Why content was rejected: every rubric dimension below 0.8, largest loss first, in the words of
 * the feedback (what it scored and what to change).
 */
export function rejectionReasons(assessment: QualityAssessment): string[] {
  return designFeedback(assessment).improvements.map((improvement) => improvement.message);
}

/**
 * Decides on a content item: approved at a quality score of 75 or above, otherwise rejected with
 * the reasons. The score is a named review of the current version or a fresh assessment (stored as
 * a review). The item's open approval requests are decided, or a decided row is added, so
 * approval_workflows keeps the history across revisions; `content.approved` or
 * `content.rejected` (with the reasons, which the Cognition Lord learns from) is emitted.
 */
export const approveContent = defineCapability({
  name: "approve_content",
  description: "Approves content scoring 75 or above, otherwise rejects it with reasons",
  input: ApproveContentInput,
  mutates: true,
  async handler(input, ctx) {
    const result = await ctx.transaction(async (tx, emit) => {
      const guidelines = await loadGuidelines(tx, ctx.workspaceId, input.guideline_ids);
      const { item, text } = await resolveContent(tx, emit, ctx.workspaceId, ctx.actor.userId, input);
      let review: { id: string; score: number };
      let assessment: QualityAssessment;
      if (input.review_id !== undefined) {
        ({ review, assessment } = await reviewForItem(tx, ctx.workspaceId, input.review_id, item));
      } else {
        const verdict = judgeQuality(text, item, guidelines);
        const stored = await insertQualityReview(tx, ctx.workspaceId, ctx.actor.userId, item, verdict, guidelines);
        await emit("quality.assessed", {
          review_id: stored.id,
          content_item_id: item.id,
          content_version: item.version,
          content_type: item.content_type,
          score: stored.score,
          quality_level: stored.quality_level,
        });
        review = stored;
        assessment = verdict.assessment;
      }

      const decision = approvalDecision(assessment.total);
      const margin = round2(decision.margin);
      const status = decision.approved ? "approved" : "rejected";
      const reasons = decision.approved ? [] : rejectionReasons(assessment);
      const verdictNote = decision.approved
        ? `Approved: quality ${decision.score} (${decision.level}) meets the threshold of ${decision.threshold}.`
        : `Rejected: quality ${decision.score} (${decision.level}) is ${-margin} below the threshold of ${decision.threshold}. ${reasons.join(" ")}`;
      const notes = input.notes ? `${verdictNote}\n${input.notes}` : verdictNote;

      const decided = await tx<WorkflowRow[]>`
        update public.approval_workflows
        set status = ${status}, threshold = ${decision.threshold}, score = ${decision.score}, review_id = ${review.id},
            content_version = ${item.version}, decided_by = ${ctx.actor.userId}, decided_at = now(),
            decision_notes = ${notes}
        where workspace_id = ${ctx.workspaceId} and content_item_id = ${item.id}
          and status in ('pending', 'in_review', 'changes_requested')
        returning id, status, threshold::float8 as threshold, score::float8 as score, review_id, content_version,
                  requested_by, decided_by, decided_at, decision_notes, created_at`;
      const workflows =
        decided.length > 0
          ? decided
          : await tx<WorkflowRow[]>`
              insert into public.approval_workflows
                (workspace_id, content_item_id, status, threshold, score, review_id, content_version,
                 requested_by, decided_by, decided_at, decision_notes)
              values (${ctx.workspaceId}, ${item.id}, ${status}, ${decision.threshold}, ${decision.score}, ${review.id},
                      ${item.version}, ${ctx.actor.userId}, ${ctx.actor.userId}, now(), ${notes})
              returning id, status, threshold::float8 as threshold, score::float8 as score, review_id, content_version,
                        requested_by, decided_by, decided_at, decision_notes, created_at`;
      await tx`update public.content_items set status = ${status}, quality_score = ${decision.score}
               where workspace_id = ${ctx.workspaceId} and id = ${item.id}`;

      const workflow = workflows[0]!;
      await emit(decision.approved ? "content.approved" : "content.rejected", {
        content_item_id: item.id,
        content_version: item.version,
        content_type: item.content_type,
        title: item.title,
        workflow_id: workflow.id,
        review_id: review.id,
        score: decision.score,
        threshold: decision.threshold,
        margin,
        quality_level: decision.level,
        reasons,
      });
      return {
        decision: status,
        approved: decision.approved,
        score: decision.score,
        threshold: decision.threshold,
        margin,
        quality_level: decision.level,
        reasons,
        content_item: { id: item.id, version: item.version, status },
        review_id: review.id,
        workflow,
      };
    });
    if (result.approved) {
      ctx.state.release("content", result.content_item.id);
      ctx.state.count("approvals");
    } else {
      ctx.state.track("content", result.content_item.id, "rejected");
      ctx.state.count("rejections");
    }
    return result;
  },
});
