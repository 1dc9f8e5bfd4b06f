export {
  type AlignmentResult,
  alignmentScore,
  type GoalCoverage,
  type OrganizationalGoal,
  type StrategyText,
} from "./alignment.ts";
export {
  type ArchitectureAnalysis,
  type ArchitectureMetrics,
  type ArchitectureThresholds,
  analyzeArchitecture,
  type Bottleneck,
  DEFAULT_THRESHOLDS,
  type MetricSummary,
  type MetricTrend,
} from "./analyze.ts";
export { ARCHITECTURE_COMPONENT_TYPES, type ArchitectureComponentType } from "./constants.ts";
export {
  DEFAULT_PLANNING_SHARE,
  DEFAULT_REVIEW_SHARE,
  designInitiative,
  type InitiativeConstraints,
  type InitiativeDesign,
  type InitiativeObjective,
  type InitiativePhase,
} from "./initiative.ts";
export {
  assertTransition,
  canTransition,
  INITIATIVE_STATUSES,
  INITIATIVE_TRANSITIONS,
  type InitiativeStatus,
} from "./lifecycle.ts";
export {
  DEFAULT_TARGET_UTILISATION,
  type OptimizationInputs,
  type OptimizationStrategy,
  optimizationStrategies,
} from "./optimize.ts";
