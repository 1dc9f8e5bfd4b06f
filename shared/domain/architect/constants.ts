/**
 * The seven kinds of system component an architecture analysis can be about: the platform's own building blocks
 * (backend-architecture.md), as `architecture_analyses.component_type` constrains them.
 */
export const ARCHITECTURE_COMPONENT_TYPES = [
  "api_layer",
  "agent_framework",
  "message_bus",
  "database",
  "cache",
  "vector_store",
  "external_integration",
] as const;
/** One of ARCHITECTURE_COMPONENT_TYPES. */
export type ArchitectureComponentType = (typeof ARCHITECTURE_COMPONENT_TYPES)[number];
