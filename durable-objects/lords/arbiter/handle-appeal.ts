import type { AppealsRow, ArbitrationDecisionsRow, ResolutionProposalsRow } from "../../../shared/db/rows.generated.ts";
import { appealAllowed } from "../../../shared/domain/arbiter/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { json } from "../strategos/store.ts";
import { reviewPoints } from "./review.ts";
import { HandleAppealInput } from "./schemas.ts";
import { loadCase, loadDecision, outcomesOf, partiesOf } from "./store.ts";
import { appealView, decisionView } from "./views.ts";

/** Decision statuses that can still be appealed. */
const APPEALABLE: readonly string[] = ["issued", "upheld"];

/**
 * `handle_appeal`: accepts an appeal only within 14 days of the decision (measured from its
 * `decided_at` to the request's time; after that a 409 says when the window closed), files it
 * under review with review points drawn from the ruling's figures, marks the decision, proposal
 * and case as appealed, and emits `appeal.handled`.
 */
export const handleAppeal = defineCapability({
  name: "handle_appeal",
  description: "Files an appeal within 14 days of a decision and prepares its review points",
  input: HandleAppealInput,
  mutates: true,
  async handler(input, ctx) {
    const now = new Date();
    const result = await ctx.transaction(async (tx, emit) => {
      const decision = await loadDecision(tx, ctx.workspaceId, input.decision_id, true);
      const window = appealAllowed(decision.decided_at, now);
      if (!window.allowed) {
        throw ApiError.conflict(
          `The 14-day appeal window for decision ${decision.id} closed at ${window.deadline}; appeals are no longer accepted`,
          [
            {
              field: "decision_id",
              message: "the 14-day appeal window has closed",
              decided_at: decision.decided_at.toISOString(),
              appeal_deadline: window.deadline,
            },
          ],
          "APPEAL_WINDOW_CLOSED",
        );
      }
      if (!APPEALABLE.includes(decision.status)) {
        throw ApiError.conflict(
          `Decision ${decision.id} is ${decision.status} and cannot be appealed`,
          [],
          "NOT_APPEALABLE",
        );
      }
      const conflict = await loadCase(tx, ctx.workspaceId, decision.case_id, true);
      if (input.party !== undefined && !partiesOf(conflict).includes(input.party)) {
        throw ApiError.validation([{ field: "party", message: `"${input.party}" is not one of the case's parties` }]);
      }
      const [proposal] = decision.proposal_id
        ? await tx<Pick<ResolutionProposalsRow, "winner_party" | "fairness_score" | "party_outcomes">[]>`
            select winner_party, fairness_score, party_outcomes from public.resolution_proposals
            where workspace_id = ${ctx.workspaceId} and id = ${decision.proposal_id}`
        : [];
      const points = [
        ...(input.review_points ?? []),
        ...reviewPoints({
          outcomes: proposal ? outcomesOf(proposal) : [],
          party: input.party ?? null,
          winner: proposal?.winner_party ?? null,
          fairness: proposal?.fairness_score ? Number(proposal.fairness_score) / 100 : null,
          remainingMs: window.remainingMs,
        }),
      ];
      const [row] = await tx<AppealsRow[]>`
        insert into public.appeals (workspace_id, decision_id, case_id, grounds, review_points, status, filed_by)
        values (${ctx.workspaceId}, ${decision.id}, ${conflict.id}, ${input.grounds}, ${json(tx, points)},
                'under_review', ${ctx.actor.userId})
        returning *`;
      const [updated] = await tx<ArbitrationDecisionsRow[]>`
        update public.arbitration_decisions set status = 'under_appeal'
        where workspace_id = ${ctx.workspaceId} and id = ${decision.id}
        returning *`;
      if (decision.proposal_id) {
        await tx`update public.resolution_proposals set status = 'appealed'
                 where workspace_id = ${ctx.workspaceId} and id = ${decision.proposal_id}`;
      }
      await tx`update public.conflict_cases set status = 'appealed'
               where workspace_id = ${ctx.workspaceId} and id = ${conflict.id}`;
      const appeal = row as AppealsRow;
      const event = await emit("appeal.handled", {
        appeal_id: appeal.id,
        decision_id: decision.id,
        case_id: conflict.id,
        status: appeal.status,
        party: input.party ?? null,
        appeal_deadline: window.deadline,
      });
      return { appeal, decision: updated as ArbitrationDecisionsRow, window, eventId: event.sequence };
    });
    ctx.state.track("appeals", result.appeal.id, "under_review");
    ctx.state.track("decisions", result.decision.id, "under_appeal");
    ctx.state.count("appeals_filed");
    return {
      appeal: appealView(result.appeal),
      decision: decisionView(result.decision),
      window: { deadline: result.window.deadline, remaining_ms: result.window.remainingMs },
      event_id: result.eventId,
    };
  },
});
