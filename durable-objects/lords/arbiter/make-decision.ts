import type { ArbitrationDecisionsRow } from "../../../shared/db/rows.generated.ts";
import { APPEAL_WINDOW_MS } from "../../../shared/domain/arbiter/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { json } from "../strategos/store.ts";
import { meanSatisfaction } from "./outcomes.ts";
import { type AppliedRuling, applyResourceRuling, contestedResourceOf } from "./resources.ts";
import { MakeDecisionInput } from "./schemas.ts";
import { loadOpenCase, loadProposal, outcomesOf } from "./store.ts";
import { decisionView } from "./views.ts";

/** Proposal statuses a decision can still adopt. */
const ADOPTABLE: readonly string[] = ["proposed", "under_review"];

/**
 * `make_arbitration_decision`: adopts a proposal as a binding ruling, appealable for 14 days from
 * the request's time. A ruling about resources is enforced at once: in the same transaction the
 * claimants' Strategos allocations are released and their shares allocated, and `resource.allocated`
 * is emitted beside `conflict.resolved`. Other rulings are enforced as directives to the parties.
 */
export const makeArbitrationDecision = defineCapability({
  name: "make_arbitration_decision",
  description:
    "Issues a binding ruling with its enforcement strategy, reallocating Strategos resources for resource conflicts",
  input: MakeDecisionInput,
  mutates: true,
  async handler(input, ctx) {
    const decidedAt = new Date();
    const appealDeadline = new Date(decidedAt.getTime() + APPEAL_WINDOW_MS);
    const result = await ctx.transaction(async (tx, emit) => {
      const proposal = await loadProposal(tx, ctx.workspaceId, input.proposal_id, true);
      const conflict = await loadOpenCase(tx, ctx.workspaceId, proposal.case_id);
      if (!ADOPTABLE.includes(proposal.status)) {
        throw ApiError.conflict(
          `Proposal ${proposal.id} is ${proposal.status} and cannot be adopted`,
          [],
          "PROPOSAL_CLOSED",
        );
      }
      const outcomes = outcomesOf(proposal);
      const satisfaction = outcomes.length > 0 ? meanSatisfaction(outcomes) : null;
      const resource = contestedResourceOf(conflict);
      let applied: AppliedRuling | null = null;
      if (resource) {
        applied = await applyResourceRuling(
          tx,
          ctx.workspaceId,
          ctx.actor.userId,
          resource,
          outcomes.map((outcome) => ({ party: outcome.party, allocated: outcome.allocated ?? 0 })),
        );
      }
      const enforcement = applied
        ? {
            mode: "resource_reallocation",
            binding: true,
            resource_type: resource?.resource_type,
            unit: resource?.unit,
            released: applied.released,
            allocations: applied.allocations,
            applied_at: decidedAt.toISOString(),
          }
        : {
            mode: "directive",
            binding: true,
            favoured_party: proposal.winner_party,
            obligations: outcomes.map((outcome) => ({
              party: outcome.party,
              expected_satisfaction: outcome.satisfaction,
            })),
            compliance_review_at: appealDeadline.toISOString(),
          };
      const [row] = await tx<ArbitrationDecisionsRow[]>`
        insert into public.arbitration_decisions (workspace_id, case_id, proposal_id, ruling, enforcement_strategy,
                                                  stakeholder_satisfaction, decided_by, decided_at, appeal_deadline_at)
        values (${ctx.workspaceId}, ${conflict.id}, ${proposal.id}, ${input.ruling ?? proposal.solution},
                ${json(tx, enforcement)}, ${satisfaction === null ? null : Math.round(satisfaction * 10_000) / 100},
                ${ctx.actor.userId}, ${decidedAt}, ${appealDeadline})
        returning *`;
      const decision = row as ArbitrationDecisionsRow;
      await tx`
        update public.resolution_proposals
        set status = case when id = ${proposal.id} then 'accepted' else 'rejected' end
        where workspace_id = ${ctx.workspaceId} and case_id = ${conflict.id}
          and (id = ${proposal.id} or status in ('proposed', 'under_review'))`;
      await tx`
        update public.conflict_cases set status = 'decided', resolved_at = ${decidedAt}
        where workspace_id = ${ctx.workspaceId} and id = ${conflict.id}`;
      if (applied && resource) {
        await emit("resource.allocated", {
          case_id: conflict.id,
          decision_id: decision.id,
          resource_type: resource.resource_type,
          unit: resource.unit,
          released: applied.released,
          allocations: applied.allocations,
        });
      }
      const event = await emit("conflict.resolved", {
        case_id: conflict.id,
        decision_id: decision.id,
        proposal_id: proposal.id,
        winner_party: proposal.winner_party,
        stakeholder_satisfaction:
          decision.stakeholder_satisfaction === null ? null : Number(decision.stakeholder_satisfaction),
        appeal_deadline_at: appealDeadline.toISOString(),
      });
      return { decision, eventId: event.sequence };
    });
    ctx.state.track("cases", result.decision.case_id, "decided");
    if (result.decision.proposal_id) ctx.state.release("proposals", result.decision.proposal_id);
    ctx.state.track("decisions", result.decision.id, "issued");
    ctx.state.count("decisions_issued");
    return { decision: decisionView(result.decision), event_id: result.eventId };
  },
});
