import type { CacheDataTypeName } from "./data-types.ts";

/**
 * Dependent-data invalidation (system 10's "dependent data changes" trigger). A cached value may
 * declare the kinds of data it was derived from; when that data changes, everything that
 * declared it goes, plus whole data types that are always derived from it.
 */
export const DEPENDENCIES = ["brand_guidelines", "competitor_intel", "user_preferences"] as const;
export type Dependency = (typeof DEPENDENCIES)[number];

/** Data types removed wholesale when a dependency changes, besides the values that declared it. */
export const DEPENDENT_TYPES: Readonly<Record<Dependency, readonly CacheDataTypeName[]>> = {
  // Aesthete reviews and brand-safety checks declare brand_guidelines when they are cached.
  brand_guidelines: [],
  // Every competitor profile is built from competitor intelligence.
  competitor_intel: ["competitor_profiles"],
  user_preferences: ["user_preferences"],
};

/** Capabilities whose outputs are judged against, or built from, each kind of data. */
const CAPABILITY_DEPENDENCIES: Readonly<Record<Dependency, readonly string[]>> = {
  brand_guidelines: ["creative_review", "brand_alignment", "brand_safety"],
  competitor_intel: ["competitive_intelligence", "competitor_analysis"],
  user_preferences: [],
};

/**
 * What an agent's cached responses depend on, from its capabilities: the Aesthete
 * (creative_review, brand_alignment) and the brand-safety validators depend on brand
 * guidelines; competitor trackers and analysts on competitor intelligence.
 */
export function cacheDependenciesForAgent(agent: { capabilities: readonly string[] }): Dependency[] {
  return DEPENDENCIES.filter((dependency) =>
    CAPABILITY_DEPENDENCIES[dependency].some((capability) => agent.capabilities.includes(capability)),
  );
}
