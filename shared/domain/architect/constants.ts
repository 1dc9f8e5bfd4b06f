/** The seven kinds of component an architecture analysis can be about. */
export const ARCHITECTURE_COMPONENT_TYPES = [
  "frontend",
  "api",
  "service",
  "database",
  "cache",
  "queue",
  "integration",
] as const;
/** One of ARCHITECTURE_COMPONENT_TYPES. */
export type ArchitectureComponentType = (typeof ARCHITECTURE_COMPONENT_TYPES)[number];
