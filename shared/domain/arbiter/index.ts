export { APPEAL_WINDOW_MS, type AppealWindow, appealAllowed } from "./appeal.ts";
export {
  CONFLICT_SEVERITIES,
  CONFLICT_TYPES,
  type ConflictSeverity,
  type ConflictType,
  RESOLUTION_STATUSES,
  type ResolutionStatus,
} from "./constants.ts";
export {
  ALLOCATION_RULES,
  type AllocationRule,
  type Claim,
  type ClaimAllocation,
  type FairAllocation,
  fairAllocation,
} from "./fair-allocation.ts";
export {
  type ArbitrationRecord,
  type BiasIndicator,
  type FairnessReport,
  fairnessReport,
  type PartyRecord,
} from "./fairness-report.ts";
export { jainIndex } from "./jain.ts";
export {
  assessSeverity,
  type ConflictInput,
  DEFAULT_STAKES_CEILING,
  SEVERITY_WEIGHTS,
  type SeverityAssessment,
} from "./severity.ts";
