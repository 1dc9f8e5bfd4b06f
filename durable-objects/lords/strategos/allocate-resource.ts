import type { ResourceAllocationsRow } from "../../../shared/db/rows.generated.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { checkPool, grantUnits, lockPool, shortfallDetails } from "./pool.ts";
import { AllocateResourceInput } from "./schemas.ts";
import { guildBySlug, loadPlan, loadTask } from "./store.ts";
import { allocationView } from "./views.ts";

/**
 * `allocate_resource`: allocates a quantity of one resource type to a plan, task or guild from
 * what the workspace granted its guilds. Over-allocation (of the workspace's pool, or of the
 * guild's own grant) is a 409 whose details give each scope's availability and shortfall.
 */
export const allocateResource = defineCapability({
  name: "allocate_resource",
  description:
    "Allocates budget, time, compute, storage, bandwidth or agents, refusing over-allocation with the shortfall",
  input: AllocateResourceInput,
  mutates: true,
  async handler(input, ctx) {
    const result = await ctx.transaction(async (tx, emit) => {
      const task = input.task_id ? await loadTask(tx, ctx.workspaceId, input.task_id) : null;
      if (task && input.plan_id && task.plan_id !== input.plan_id) {
        throw ApiError.validation([
          { field: "task_id", message: `belongs to plan ${task.plan_id}, not ${input.plan_id}` },
        ]);
      }
      const planId = input.plan_id ?? task?.plan_id ?? null;
      if (planId && !task) await loadPlan(tx, ctx.workspaceId, planId);
      const guildId = input.guild ? (await guildBySlug(tx, input.guild)).id : (task?.guild_id ?? null);

      await lockPool(tx, ctx.workspaceId, input.resource_type);
      const units = await grantUnits(tx, ctx.workspaceId, input.resource_type);
      if (units.length > 0 && !units.includes(input.unit)) {
        throw ApiError.validation([
          { field: "unit", message: `must be ${units.join(" or ")}, the unit ${input.resource_type} is granted in` },
        ]);
      }
      const id = crypto.randomUUID();
      const checks = await checkPool(tx, ctx.workspaceId, input.resource_type, [
        { id, guildId, quantity: input.quantity },
      ]);
      const details = shortfallDetails(input.resource_type, checks);
      if (details.length > 0) {
        const shortfall = Math.max(...checks.map((check) => check.shortfall));
        throw ApiError.conflict(
          `Allocating ${input.quantity} ${input.unit} of ${input.resource_type} would over-allocate the pool by ${shortfall}`,
          details,
          "OVER_ALLOCATED",
        );
      }
      const [row] = await tx<ResourceAllocationsRow[]>`
        insert into public.resource_allocations (id, workspace_id, plan_id, task_id, guild_id, resource_type, quantity,
                                                 unit, status, allocated_at, created_by)
        values (${id}, ${ctx.workspaceId}, ${planId}, ${task?.id ?? null}, ${guildId}, ${input.resource_type},
                ${input.quantity}, ${input.unit}, 'allocated', now(), ${ctx.actor.userId})
        returning *`;
      const pools = checks.map((check) => ({
        scope: check.scope,
        guild: check.guild,
        capacity: check.capacity,
        committed: check.committed + input.quantity,
        available: check.available - input.quantity,
      }));
      const event = await emit("resource.allocated", {
        allocation_id: id,
        resource_type: input.resource_type,
        quantity: input.quantity,
        unit: input.unit,
        plan_id: planId,
        task_id: task?.id ?? null,
        guild_id: guildId,
        pools,
      });
      return { row: row as ResourceAllocationsRow, pools, eventId: event.sequence };
    });
    ctx.state.track("allocations", result.row.id, result.row.status);
    ctx.state.count(`allocated_${input.resource_type}`, input.quantity);
    return { allocation: allocationView(result.row), pools: result.pools, event_id: result.eventId };
  },
});
