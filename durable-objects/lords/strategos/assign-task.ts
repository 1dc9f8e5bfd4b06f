import type { ExecutionTasksRow } from "../../../shared/db/rows.generated.ts";
import { assignTask as rankCandidates } from "../../../shared/domain/strategos/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { CLOSED_STATUSES } from "./plan-status.ts";
import { remainingHours } from "./schedule.ts";
import { AssignTaskInput } from "./schemas.ts";
import { json, loadTask, schedulable } from "./store.ts";
import { taskView } from "./views.ts";

/**
 * Hours an agent can carry when the workspace has not set `capacity_hours` in its guild roster
 * settings nor the request one: a working week of queued work.
 */
export const DEFAULT_CAPACITY_HOURS = 40;

interface CandidateRow {
  id: string;
  code: string;
  name: string;
  guild_id: string;
  guild: string;
  capabilities: string[];
  load_hours: string;
  capacity_hours: string | null;
}

/**
 * `assign_task`: ranks the guild agents by how many of the task's required capabilities they have
 * and how loaded they would be (their remaining hours on open tasks of this workspace against their
 * capacity), assigns the best eligible one and emits `task.assigned`; a 409 lists why nobody fits.
 */
export const assignTask = defineCapability({
  name: "assign_task",
  description: "Assigns a task to the guild agent with the best capability match and spare capacity",
  input: AssignTaskInput,
  mutates: true,
  async handler(input, ctx) {
    const result = await ctx.transaction(async (tx, emit) => {
      const task = await loadTask(tx, ctx.workspaceId, input.task_id, true);
      if (CLOSED_STATUSES.includes(task.status)) {
        throw ApiError.conflict(`Task ${task.id} is ${task.status} and takes no assignment`, [], "TASK_CLOSED");
      }
      const required = input.required_capabilities ?? (task.required_capabilities as string[]);
      const candidates = await tx<CandidateRow[]>`
        select a.id, a.code, a.name, a.guild_id, g.slug as guild,
               coalesce((select jsonb_agg(c.name order by c.name) from public.agent_capabilities c
                         where c.agent_id = a.id), '[]'::jsonb) as capabilities,
               coalesce((select sum(t.estimated_hours * (1 - t.progress_percent / 100))
                         from public.execution_tasks t
                         where t.workspace_id = ${ctx.workspaceId} and t.agent_id = a.id and t.id <> ${task.id}
                           and t.status not in ('completed', 'cancelled', 'failed')), 0)::text as load_hours,
               (select m.settings->>'capacity_hours' from public.guild_members m
                where m.workspace_id = ${ctx.workspaceId} and m.agent_id = a.id
                  and jsonb_typeof(m.settings->'capacity_hours') = 'number'
                limit 1) as capacity_hours
        from public.agent_registry a
        join public.guilds g on g.id = a.guild_id
        where a.is_active and a.role <> 'lord'
          ${input.guild ? tx`and g.slug = ${input.guild}` : tx``}
          ${input.agent_codes ? tx`and a.code in ${tx(input.agent_codes)}` : tx``}
        order by a.code`;
      if (candidates.length === 0) {
        throw ApiError.conflict(
          "No active guild agent matches the requested guild or agent codes",
          [],
          "NO_CANDIDATES",
        );
      }
      const capacity = (row: CandidateRow) =>
        row.capacity_hours !== null && Number(row.capacity_hours) > 0
          ? Number(row.capacity_hours)
          : (input.capacity_hours ?? DEFAULT_CAPACITY_HOURS);
      const assignment = rankCandidates(
        { id: task.id, requiredCapabilities: required, estimateHours: remainingHours(schedulable(task)) },
        candidates.map((row) => ({
          id: row.id,
          capabilities: row.capabilities,
          currentLoadHours: Number(row.load_hours),
          capacityHours: capacity(row),
        })),
      );
      const byId = new Map(candidates.map((row) => [row.id, row]));
      const ranking = assignment.ranking.slice(0, 10).map((score) => {
        const row = byId.get(score.id) as CandidateRow;
        return {
          agent_id: row.id,
          agent_code: row.code,
          guild: row.guild,
          eligible: score.eligible,
          score: score.score,
          capability_match: score.capabilityMatch,
          utilisation_after: score.utilisationAfter,
          load_hours: Number(row.load_hours),
          capacity_hours: capacity(row),
          reason: score.reason,
        };
      });
      if (assignment.assigneeId === null) {
        throw ApiError.conflict(
          "No agent has both a required capability and room for this task",
          ranking.slice(0, 5).map((entry) => ({ field: "task_id", message: `${entry.agent_code} ${entry.reason}` })),
          "NO_ELIGIBLE_ASSIGNEE",
        );
      }
      const chosen = byId.get(assignment.assigneeId) as CandidateRow;
      const status = task.status === "planned" || task.status === "ready" ? "scheduled" : task.status;
      const [updated] = await tx<ExecutionTasksRow[]>`
        update public.execution_tasks
        set agent_id = ${chosen.id}, guild_id = ${chosen.guild_id}, status = ${status},
            required_capabilities = ${json(tx, required)}
        where workspace_id = ${ctx.workspaceId} and id = ${task.id}
        returning *`;
      const best = ranking[0];
      const event = await emit("task.assigned", {
        task_id: task.id,
        plan_id: task.plan_id,
        agent_id: chosen.id,
        agent_code: chosen.code,
        guild: chosen.guild,
        score: best?.score,
        capability_match: best?.capability_match,
        utilisation_after: best?.utilisation_after,
      });
      return { task: updated as ExecutionTasksRow, chosen, ranking, eventId: event.sequence };
    });

    ctx.state.track("tasks", result.task.id, result.task.status);
    ctx.state.count("tasks_assigned");
    return {
      task: taskView(result.task),
      assignee: {
        agent_id: result.chosen.id,
        agent_code: result.chosen.code,
        agent_name: result.chosen.name,
        guild: result.chosen.guild,
      },
      ranking: result.ranking,
      event_id: result.eventId,
    };
  },
});
