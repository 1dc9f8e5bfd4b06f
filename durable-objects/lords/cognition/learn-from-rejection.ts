import * as v from "valibot";
import type { RecordedEvent } from "../../../shared/events/record.ts";
import type { Reaction } from "../capability.ts";
import { insertLearning, type NewLearning } from "./learning-rows.ts";
import { rememberLearning } from "./remember.ts";

// What the Aesthete says when it rejects content (approve_content): the item, its score against
// the threshold and the reasons. Read leniently: a learning is worth keeping from any of it.
const Reason = v.union([
  v.string(),
  v.looseObject({
    message: v.optional(v.string()),
    description: v.optional(v.string()),
    rule: v.optional(v.string()),
  }),
]);
const RejectionPayload = v.looseObject({
  content_item_id: v.optional(v.string()),
  content_id: v.optional(v.string()),
  content_type: v.optional(v.string()),
  title: v.optional(v.string()),
  review_id: v.optional(v.string()),
  score: v.optional(v.number()),
  threshold: v.optional(v.number()),
  quality_level: v.optional(v.string()),
  reasons: v.optional(v.array(Reason)),
  violations: v.optional(v.array(Reason)),
  feedback: v.optional(v.string()),
});

/** Where rejection learnings come from. */
export const REJECTION_SOURCE = "aesthete:content_review";

const text = (reason: v.InferOutput<typeof Reason>) =>
  (typeof reason === "string" ? reason : (reason.message ?? reason.description ?? reason.rule ?? "")).trim();

/**
 * The failure learning a content rejection teaches: the reasons as the insight (or, without
 * any, the score against the bar), tagged by content type and quality level. Confidence grows
 * with how far below the threshold the content scored: 0.5 + 0.5 × (threshold − score) ÷
 * threshold, so a near miss teaches little and a far miss a lot; without both figures it stays
 * at the neutral 0.5.
 */
export function rejectionLearning(event: Pick<RecordedEvent, "sequence" | "payload">): NewLearning {
  const parsed = v.safeParse(RejectionPayload, event.payload);
  const p = parsed.success ? parsed.output : {};
  const reasons = [...(p.reasons ?? []), ...(p.violations ?? [])].map(text).filter((r) => r.length > 0);
  if (p.feedback?.trim()) reasons.push(p.feedback.trim());
  const what = [p.content_type, p.title ? `"${p.title}"` : undefined].filter(Boolean).join(" ") || "content";
  const scored =
    p.score !== undefined && p.threshold !== undefined
      ? ` (score ${p.score} against a threshold of ${p.threshold})`
      : "";
  const insight =
    reasons.length > 0
      ? `Rejected ${what}${scored}: ${reasons.join(" ")}`
      : `Rejected ${what}${scored} without stated reasons.`;
  const margin =
    p.score !== undefined && p.threshold !== undefined && p.threshold > 0
      ? Math.min(1, Math.max(0, (p.threshold - p.score) / p.threshold))
      : 0;
  const tags = ["content_rejection", p.content_type, p.quality_level]
    .filter((t): t is string => typeof t === "string" && t.trim().length > 0)
    .map((t) => t.trim().toLowerCase().slice(0, 50));
  return {
    learning_type: "failure",
    source: REJECTION_SOURCE,
    insight: insight.slice(0, 5000),
    context: {
      event_id: event.sequence,
      content_item_id: p.content_item_id ?? p.content_id ?? null,
      review_id: p.review_id ?? null,
      score: p.score ?? null,
      threshold: p.threshold ?? null,
      reasons,
    },
    confidence: Math.round((0.5 + 0.5 * margin) * 1000) / 1000,
    tags: [...new Set(tags)],
  };
}

/**
 * When the Aesthete rejects content, records a failure learning from the rejection's reasons on
 * the Lord's own authority, and writes it to the knowledge base. A redelivered event records
 * nothing new: the learning names the event it came from.
 */
export const learnFromRejection: Reaction = {
  name: "learn_from_rejection",
  description: "Records a failure learning from the reasons content was rejected",
  on: ["content.rejected"],
  async handler(event, ctx) {
    const learning = rejectionLearning(event);
    const recorded = await ctx.serviceTransaction(async (tx, emit) => {
      const [seen] = await tx<{ id: string }[]>`
        select id from public.learnings
        where workspace_id = ${ctx.workspaceId} and source = ${REJECTION_SOURCE}
          and context ->> 'event_id' = ${String(event.sequence)}`;
      if (seen) return null;
      return insertLearning(tx, emit, ctx.workspaceId, null, learning, { caused_by: event.sequence });
    });
    if (!recorded) return;
    await rememberLearning(ctx, { actorId: null, requestId: event.requestId }, recorded);
    ctx.state.count("learnings_recorded");
    ctx.state.count("rejections_learned");
  },
};
