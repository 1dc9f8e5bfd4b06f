import type { ResourceType } from "../../../shared/domain/strategos/index.ts";
import { defineCapability } from "../capability.ts";
import { UtilizationInput } from "./schemas.ts";
import { utilizationReport } from "./utilization.ts";

interface GrantRow {
  resource_type: ResourceType;
  guild: string;
  quantity: string;
  unit: string;
}

interface HoldingRow {
  resource_type: ResourceType;
  guild: string | null;
  quantity: string;
  utilized: string;
}

/**
 * `GET /resources/utilization`: per resource type and guild, what the workspace granted (grants in
 * effect today), what is allocated and what is in use, with over-allocation and shortfall.
 */
export const resourceUtilization = defineCapability({
  name: "resource_utilization",
  description: "Reports capacity, allocation and use per resource type and guild, flagging over-allocation",
  input: UtilizationInput,
  mutates: false,
  async handler(input, ctx) {
    const { grants, holdings } = await ctx.transaction(async (tx) => {
      const typeFilter = input.resource_type ? tx`and r.resource_type = ${input.resource_type}` : tx``;
      const guildFilter = input.guild ? tx`and g.slug = ${input.guild}` : tx``;
      const grants = await tx<GrantRow[]>`
        select r.resource_type, g.slug as guild, r.quantity::text, r.unit
        from public.guild_resources r join public.guilds g on g.id = r.guild_id
        where r.workspace_id = ${ctx.workspaceId} ${typeFilter} ${guildFilter}
          and (r.period_start is null or r.period_start <= current_date)
          and (r.period_end is null or r.period_end >= current_date)`;
      const holdings = await tx<HoldingRow[]>`
        select r.resource_type, g.slug as guild, r.quantity::text, r.utilized::text
        from public.resource_allocations r left join public.guilds g on g.id = r.guild_id
        where r.workspace_id = ${ctx.workspaceId} and r.status in ('allocated', 'active') ${typeFilter} ${guildFilter}`;
      return { grants, holdings };
    });
    const by_type = utilizationReport(
      grants.map((row) => ({
        resourceType: row.resource_type,
        guild: row.guild,
        quantity: Number(row.quantity),
        unit: row.unit,
      })),
      holdings.map((row) => ({
        resourceType: row.resource_type,
        guild: row.guild,
        quantity: Number(row.quantity),
        utilized: Number(row.utilized),
      })),
    );
    return {
      by_type,
      active_allocations: holdings.length,
      over_allocated: by_type.filter((type) => type.over_allocated).map((type) => type.resource_type),
    };
  },
});
