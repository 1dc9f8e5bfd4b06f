import type { ConflictCasesRow } from "../../../shared/db/rows.generated.ts";
import { assessSeverity } from "../../../shared/domain/arbiter/index.ts";
import { defineCapability } from "../capability.ts";
import { json, loadPlan } from "../strategos/store.ts";
import { resolveContestedResource } from "./resources.ts";
import { RegisterConflictInput } from "./schemas.ts";
import { caseView } from "./views.ts";

/**
 * `register_conflict`: records a conflict with its severity assessed from the stakes, the number of
 * parties and the time left to the deadline (at the request's time), and emits `conflict.registered`.
 * Without stakes, a budget conflict's stakes are the money claimed (Σ demand); others stake 0.
 */
export const registerConflict = defineCapability({
  name: "register_conflict",
  description: "Registers a conflict case with its severity assessed from stakes, parties and deadline",
  input: RegisterConflictInput,
  mutates: true,
  async handler(input, ctx) {
    const now = new Date();
    const claimed = input.resource?.claims.reduce((total, claim) => total + claim.demand, 0) ?? 0;
    const stakes = input.stakes ?? (input.resource?.resource_type === "budget" ? claimed : 0);
    const assessment = assessSeverity(
      {
        type: input.conflict_type,
        stakes,
        parties: input.parties,
        ...(input.deadline ? { deadline: input.deadline } : {}),
      },
      now,
    );
    const created = await ctx.transaction(async (tx, emit) => {
      if (input.plan_id) await loadPlan(tx, ctx.workspaceId, input.plan_id);
      const resource = await resolveContestedResource(tx, ctx.workspaceId, input);
      const [row] = await tx<ConflictCasesRow[]>`
        insert into public.conflict_cases (workspace_id, title, description, conflict_type, severity, severity_score,
                                           stakes, deadline_at, parties, goals, contested_resource, campaign_id,
                                           plan_id, registered_by)
        values (${ctx.workspaceId}, ${input.title}, ${input.description ?? null}, ${input.conflict_type},
                ${assessment.severity}, ${Math.round(assessment.score * 100) / 100}, ${stakes}, ${input.deadline ?? null},
                ${json(tx, input.parties)}, ${json(tx, input.goals ?? [])}, ${resource ? json(tx, resource) : null},
                ${input.campaign_id ?? null}, ${input.plan_id ?? null}, ${ctx.actor.userId})
        returning *`;
      const conflict = row as ConflictCasesRow;
      const event = await emit("conflict.registered", {
        case_id: conflict.id,
        conflict_type: conflict.conflict_type,
        severity: conflict.severity,
        severity_score: Number(conflict.severity_score),
        parties: input.parties,
      });
      return { conflict, eventId: event.sequence };
    });
    ctx.state.track("cases", created.conflict.id, "registered");
    ctx.state.count(`conflicts_${assessment.severity}`);
    return {
      case: caseView(created.conflict),
      assessment: {
        severity: assessment.severity,
        score: assessment.score,
        factors: assessment.factors,
        hours_to_deadline: assessment.hoursToDeadline,
      },
      event_id: created.eventId,
    };
  },
});
