import type { ConflictCasesRow } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { planTimeline } from "../strategos/schedule.ts";
import { edge, json, loadPlan, planDependencies, planTasks, schedulable } from "../strategos/store.ts";
import { type AnalysisInput, analyzeConflict } from "./analysis.ts";
import { contestedCapacity, contestedResourceOf } from "./resources.ts";
import { AnalyzeConflictInput } from "./schemas.ts";
import { goalsOf, loadOpenCase, partiesOf } from "./store.ts";
import { caseView } from "./views.ts";

/**
 * `analyze_conflict`: ranks the conflict's root causes (scarcity of the contested resource, and what
 * drives its severity: stakes, urgency, parties, competing goals), assesses its impact (including
 * the plan it is about), re-assesses severity at the request's time, and emits `conflict.analyzed`.
 */
export const analyzeConflictCapability = defineCapability({
  name: "analyze_conflict",
  description: "Analyses a conflict's root causes and impact, re-assessing its severity",
  input: AnalyzeConflictInput,
  mutates: true,
  async handler(input, ctx) {
    const now = new Date();
    const result = await ctx.transaction(async (tx, emit) => {
      const conflict = await loadOpenCase(tx, ctx.workspaceId, input.case_id);
      const resource = contestedResourceOf(conflict);
      const contested = resource ? await contestedCapacity(tx, ctx.workspaceId, resource) : null;
      const analysisInput: AnalysisInput = {
        type: conflict.conflict_type,
        parties: partiesOf(conflict),
        goals: goalsOf(conflict),
        stakes: Number(conflict.stakes),
        deadline: conflict.deadline_at?.toISOString() ?? null,
        resource:
          resource && contested
            ? {
                unit: resource.unit,
                resourceType: resource.resource_type,
                capacity: contested.capacity,
                claims: resource.claims.map((claim) => ({ party: claim.party, demand: claim.demand })),
              }
            : null,
        plan: conflict.plan_id ? await planFacts(tx, ctx.workspaceId, conflict.plan_id) : null,
      };
      const analysis = analyzeConflict(analysisInput, now);
      const impact = {
        ...analysis.impact,
        root_causes: analysis.rootCauses,
        analyzed_at: now.toISOString(),
      };
      const rootCause = analysis.rootCauses[0]?.statement ?? null;
      const [row] = await tx<ConflictCasesRow[]>`
        update public.conflict_cases
        set status = 'analyzing', severity = ${analysis.severity.severity},
            severity_score = ${Math.round(analysis.severity.score * 100) / 100},
            root_cause = ${rootCause}, impact_analysis = ${json(tx, impact)}
        where workspace_id = ${ctx.workspaceId} and id = ${conflict.id}
        returning *`;
      const event = await emit("conflict.analyzed", {
        case_id: conflict.id,
        severity: analysis.severity.severity,
        severity_score: analysis.severity.score,
        root_causes: analysis.rootCauses.map((cause) => cause.factor),
      });
      return { row: row as ConflictCasesRow, analysis, eventId: event.sequence };
    });
    ctx.state.track("cases", result.row.id, "analyzing");
    return {
      case: caseView(result.row),
      root_causes: result.analysis.rootCauses,
      impact: result.analysis.impact,
      event_id: result.eventId,
    };
  },
});

// The plan's state and the critical-path length of its remaining work: what the conflict delays.
async function planFacts(tx: Parameters<typeof loadPlan>[0], workspaceId: string, planId: string) {
  const plan = await loadPlan(tx, workspaceId, planId);
  const tasks = await planTasks(tx, workspaceId, planId);
  const dependencies = await planDependencies(tx, workspaceId, planId);
  const durationHours =
    tasks.length > 0 ? planTimeline(tasks.map(schedulable), dependencies.map(edge)).cpm.duration : 0;
  return { id: plan.id, status: plan.status, progressPercent: Number(plan.progress_percent), durationHours };
}
