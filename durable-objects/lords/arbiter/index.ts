import type { Capability } from "../capability.ts";
import { analyzeConflictCapability } from "./analyze-conflict.ts";
import { reportFairness } from "./fairness-report.ts";
import { handleAppeal } from "./handle-appeal.ts";
import { makeArbitrationDecision } from "./make-decision.ts";
import { proposeResolution } from "./propose-resolution.ts";
import { getCase, getDecision, listAppeals, listCases, listDecisions, listProposals } from "./reads.ts";
import { registerConflict } from "./register-conflict.ts";

/**
 * Arbiter (LORD-006): conflict registration and analysis, fair resolution proposals, binding
 * decisions (enforced on Strategos' allocations for resource conflicts), appeals within 14 days
 * and fairness reports. The five capabilities of the spec first, then the report and the reads.
 */
export const capabilities: readonly Capability[] = [
  registerConflict,
  analyzeConflictCapability,
  proposeResolution,
  makeArbitrationDecision,
  handleAppeal,
  reportFairness,
  listCases,
  getCase,
  listProposals,
  listDecisions,
  getDecision,
  listAppeals,
];
