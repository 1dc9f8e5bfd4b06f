import * as v from "valibot";
import type { Json } from "../../../shared/db/rows.generated.ts";
import {
  DEFAULT_MAX_DELTA_E,
  designFeedback,
  type QualityAssessment,
  visualConsistency,
} from "../../../shared/domain/aesthete/index.ts";
import { defineCapability } from "../capability.ts";
import { withApiFields } from "../seer/domain-fields.ts";
import { resolveContent } from "./content.ts";
import { AssetInput, apiIssue, apiSpelling, toVisualAsset } from "./evaluate-visual-consistency.ts";
import { feedbackTypeOf, severityForPointsLost, severityForVisualIssue } from "./feedback-severity.ts";
import { loadGuidelines, visualGuidelines } from "./guidelines.ts";
import { reviewForItem } from "./review-for-item.ts";
import { judgeQuality, round2, scorePointsLost } from "./reviews.ts";
import { contentInput, Uuid } from "./schemas.ts";

/** `POST /lords/aesthete/feedback/provide`. */
export const ProvideDesignFeedbackInput = contentInput({
  review_id: v.optional(Uuid),
  asset: v.optional(v.omit(AssetInput, ["id", "content_item_id"])),
});

/** One stored feedback row as the route answers with it. */
interface FeedbackRow {
  id: string;
  feedback_type: string;
  severity: string;
  feedback: string;
  suggestions: Json;
  status: string;
}

/**
 * Turns a quality assessment (a stored review's, or a fresh one) into feedback tied to the scored
 * dimensions: strengths where a dimension scores at least 0.8, improvements below it, largest loss
 * first, each stored as a design_feedback row whose severity follows the points it costs. With an
 * `asset`, the item's palette, typography and layout are checked against the visual guidelines
 * and every inconsistency becomes feedback too.
 */
export const provideDesignFeedback = defineCapability({
  name: "provide_design_feedback",
  description: "Gives strengths and improvements tied to the scored quality dimensions and visual checks",
  input: ProvideDesignFeedbackInput,
  mutates: true,
  async handler(input, ctx) {
    const result = await ctx.transaction(async (tx, emit) => {
      const guidelines = await loadGuidelines(tx, ctx.workspaceId, input.guideline_ids);
      const { item, text } = await resolveContent(tx, emit, ctx.workspaceId, ctx.actor.userId, input);
      let assessment: QualityAssessment;
      if (input.review_id !== undefined) {
        assessment = (await reviewForItem(tx, ctx.workspaceId, input.review_id, item)).assessment;
      } else {
        assessment = judgeQuality(text, item, guidelines).assessment;
      }
      const feedback = designFeedback(assessment);
      const drafts = feedback.improvements.map((improvement) => {
        const points = round2(scorePointsLost(assessment, improvement.pointsLost));
        return {
          source: improvement.dimension as string,
          feedback_type: feedbackTypeOf(improvement.dimension),
          severity: severityForPointsLost(points),
          feedback: improvement.message,
          suggestions: [] as string[],
          points_lost: points,
        };
      });

      let visual: { consistency_percent: number; checks: number; passed: number } | null = null;
      if (input.asset) {
        const rules = visualGuidelines(guidelines);
        const tolerance = rules.maxDeltaE ?? DEFAULT_MAX_DELTA_E;
        const asset = toVisualAsset({ ...input.asset, id: item.id }, rules.fonts.length > 0);
        const report = withApiFields(() => visualConsistency([asset], rules), { assets: "asset" });
        visual = {
          consistency_percent: round2(report.consistencyPercent),
          checks: report.checks,
          passed: report.passed,
        };
        report.issues.forEach((issue, i) => {
          const api = apiIssue(issue);
          drafts.push({
            source: api.attribute,
            feedback_type: feedbackTypeOf(issue.attribute),
            severity: severityForVisualIssue(issue.attribute, issue.deltaE, tolerance),
            feedback: api.message,
            suggestions: [apiSpelling(report.recommendations[i]!)],
            points_lost: 0,
          });
        });
      }

      const rows =
        drafts.length === 0
          ? []
          : await tx<FeedbackRow[]>`
              insert into public.design_feedback
                ${tx(
                  drafts.map((draft) => ({
                    workspace_id: ctx.workspaceId,
                    content_item_id: item.id,
                    feedback_type: draft.feedback_type,
                    severity: draft.severity,
                    feedback: draft.feedback,
                    suggestions: tx.json(draft.suggestions),
                    created_by: ctx.actor.userId,
                  })),
                )}
              returning id, feedback_type, severity, feedback, suggestions, status`;
      const improvements = rows.map((row, i) => ({
        ...row,
        source: drafts[i]!.source,
        points_lost: drafts[i]!.points_lost,
      }));
      await emit("feedback.provided", {
        content_item_id: item.id,
        content_version: item.version,
        review_id: input.review_id ?? null,
        score: assessment.total,
        feedback_ids: rows.map((row) => row.id),
        strengths: feedback.strengths.length,
        improvements: rows.length,
      });
      return {
        content_item: { id: item.id, version: item.version },
        review_id: input.review_id ?? null,
        score: assessment.total,
        quality_level: assessment.level,
        summary: feedback.summary,
        strengths: feedback.strengths.map(({ dimension, message }) => ({ dimension, message })),
        improvements,
        visual,
      };
    });
    ctx.state.count("feedback_given", result.improvements.length);
    return result;
  },
});
