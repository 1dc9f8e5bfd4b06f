import * as v from "valibot";
import { name, oneOf, strictBody, text, uuid } from "../../../functions/campaigns/fields.ts";
import { columnValues } from "../../../shared/db/rows.generated.ts";
import { type InitiativeDesign, designInitiative as planInitiative } from "../../../shared/domain/architect/index.ts";
import { defineCapability } from "../capability.ts";
import { type InitiativeDetail, loadInitiative } from "./initiative-rows.ts";
import { ConstraintsInput, ObjectiveInput } from "./inputs.ts";
import { inRequestTerms } from "./request-fields.ts";

/** `POST /initiatives/design`: objectives and constraints to plan an initiative from. */
export const DesignInitiativeInput = strictBody({
  name: name("name"),
  description: v.optional(text("description")),
  priority: v.optional(oneOf(columnValues.initiatives.priority, "priority"), "medium"),
  campaign_id: v.optional(uuid("campaign_id")),
  objectives: v.pipe(
    v.array(ObjectiveInput, "objectives must be an array"),
    v.minLength(1, "objectives needs at least one objective"),
    v.maxLength(50, "objectives may hold at most 50 objectives"),
  ),
  constraints: ConstraintsInput,
});
export type DesignInitiativeInput = v.InferOutput<typeof DesignInitiativeInput>;

/** What `design_initiative` answers: the stored initiative and the design's feasibility. */
export interface DesignedInitiative extends InitiativeDetail {
  feasible: boolean;
  issues: string[];
}

/**
 * Plans phases (planning, one per objective, review), the timeline on working days and the
 * resources from the objectives' effort and the constraints, then stores the initiative as
 * `proposed` with its phases. Over-budget or late designs are stored with their issues.
 */
export const designInitiative = defineCapability({
  name: "design_initiative",
  description:
    "Designs a strategic initiative: phases, timeline and resource needs derived from objectives and constraints",
  input: DesignInitiativeInput,
  mutates: true,
  async handler(input, ctx): Promise<DesignedInitiative> {
    const { constraints: c } = input;
    const design = inRequestTerms(() =>
      planInitiative(
        input.objectives.map((o) => ({
          id: o.id,
          title: o.title,
          effortPersonDays: o.effort_person_days,
          skills: o.skills,
        })),
        {
          startDate: c.start_date,
          teamSize: c.team_size,
          dailyRate: c.daily_rate,
          budget: c.budget,
          deadline: c.deadline,
          planningShare: c.planning_share,
          reviewShare: c.review_share,
        },
      ),
    );
    const titles = new Map(input.objectives.map((o) => [o.id, o.title]));

    const initiative = await ctx.transaction(async (tx, emit) => {
      const [row] = await tx<{ id: string }[]>`
        insert into public.initiatives (workspace_id, name, description, status, priority, objectives, resource_needs,
                                        timeline, estimated_budget, start_date, target_date, campaign_id, proposed_by)
        values (${ctx.workspaceId}, ${input.name}, ${input.description ?? null}, ${design.status}, ${input.priority},
                ${tx.json(input.objectives)}, ${tx.json(resourceNeeds(design, c.daily_rate))},
                ${tx.json(timelineOf(design, c))}, ${design.resources.estimatedCost}, ${design.timeline.startDate},
                ${design.timeline.endDate}, ${input.campaign_id ?? null}, ${ctx.actor.userId})
        returning id`;
      if (!row) throw new Error("initiative insert returned no row");
      const phases = design.phases.map((phase, i) => ({
        workspace_id: ctx.workspaceId,
        initiative_id: row.id,
        position: i + 1,
        name: phase.name,
        description: `${round(phase.effortPersonDays)} person-days over ${phase.workingDays} working day${phase.workingDays === 1 ? "" : "s"}`,
        start_date: phase.startDate,
        end_date: phase.endDate,
        deliverables: tx.json(phase.objectiveIds.map((id) => titles.get(id) ?? id)),
      }));
      await tx`insert into public.initiative_phases ${tx(phases)}`;
      const stored = await loadInitiative(tx, ctx.workspaceId, row.id);
      await emit("initiative.created", {
        initiative_id: stored.id,
        name: stored.name,
        status: stored.status,
        priority: stored.priority,
        start_date: stored.start_date,
        target_date: stored.target_date,
        estimated_budget: stored.estimated_budget,
        feasible: design.feasible,
        issues: design.issues,
      });
      return stored;
    });

    ctx.state.track("initiatives", initiative.id, initiative.status);
    ctx.state.count("initiatives_designed");
    return { ...initiative, feasible: design.feasible, issues: design.issues };
  },
});

function resourceNeeds(design: InitiativeDesign, dailyRate: number | undefined) {
  const r = design.resources;
  return {
    team_size: r.teamSize,
    total_person_days: r.totalPersonDays,
    overhead_person_days: r.overheadPersonDays,
    by_skill: r.bySkill,
    daily_rate: dailyRate ?? null,
    estimated_cost: r.estimatedCost,
  };
}

function timelineOf(design: InitiativeDesign, c: DesignInitiativeInput["constraints"]) {
  return {
    start_date: design.timeline.startDate,
    end_date: design.timeline.endDate,
    working_days: design.timeline.workingDays,
    calendar_days: design.timeline.calendarDays,
    deadline: c.deadline ?? null,
    budget: c.budget ?? null,
    feasible: design.feasible,
    issues: design.issues,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
