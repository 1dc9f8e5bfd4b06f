import { RESOURCE_TYPES, type ResourceType } from "../../../shared/domain/strategos/index.ts";

/** Resources granted to a guild (a guild_resources row in effect). */
export interface Grant {
  resourceType: ResourceType;
  guild: string;
  quantity: number;
  unit: string;
}

/** An allocation that still holds its resource (status allocated or active). */
export interface Holding {
  resourceType: ResourceType;
  /** null: allocated to a plan or task without a guild. */
  guild: string | null;
  quantity: number;
  utilized: number;
}

/** Capacity against allocations and use, for one resource type or one guild's share of it. */
export interface UtilizationLine {
  capacity: number;
  allocated: number;
  utilized: number;
  /** capacity − allocated; negative when over-allocated. */
  available: number;
  /** allocated / capacity, or null with no capacity. */
  allocation_rate: number | null;
  /** utilized / allocated: how much of what was handed out is in use; null with nothing allocated. */
  utilization_rate: number | null;
  over_allocated: boolean;
  /** max(0, allocated − capacity). */
  shortfall: number;
}

/** One resource type's figures, with each guild's (and the guild-less allocations') share. */
export interface TypeUtilization extends UtilizationLine {
  resource_type: ResourceType;
  units: string[];
  guilds: (UtilizationLine & { guild: string | null })[];
}

function line(capacity: number, allocated: number, utilized: number): UtilizationLine {
  return {
    capacity,
    allocated,
    utilized,
    available: capacity - allocated,
    allocation_rate: capacity > 0 ? allocated / capacity : null,
    utilization_rate: allocated > 0 ? utilized / allocated : null,
    over_allocated: allocated > capacity,
    shortfall: Math.max(0, allocated - capacity),
  };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Utilization per resource type that has a grant or an allocation, in RESOURCE_TYPES order, with
 * guilds sorted by name (the guild-less share last). Guild-less allocations draw on the
 * workspace's pool, so they count against the type's capacity but no guild's.
 */
export function utilizationReport(grants: readonly Grant[], holdings: readonly Holding[]): TypeUtilization[] {
  return RESOURCE_TYPES.flatMap((type) => {
    const granted = grants.filter((grant) => grant.resourceType === type);
    const held = holdings.filter((holding) => holding.resourceType === type);
    if (granted.length === 0 && held.length === 0) return [];
    const guilds = [...new Set([...granted.map((grant) => grant.guild), ...held.map((holding) => holding.guild)])].sort(
      (a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)),
    );
    return [
      {
        resource_type: type,
        units: [...new Set(granted.map((grant) => grant.unit))].sort(),
        ...line(
          sum(granted.map((grant) => grant.quantity)),
          sum(held.map((holding) => holding.quantity)),
          sum(held.map((holding) => holding.utilized)),
        ),
        guilds: guilds.map((guild) => ({
          guild,
          ...line(
            sum(granted.filter((grant) => grant.guild === guild).map((grant) => grant.quantity)),
            sum(held.filter((holding) => holding.guild === guild).map((holding) => holding.quantity)),
            sum(held.filter((holding) => holding.guild === guild).map((holding) => holding.utilized)),
          ),
        })),
      },
    ];
  });
}
