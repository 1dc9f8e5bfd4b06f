import { DomainInputError } from "../errors.ts";
import { requireNonNegative, requirePositive } from "../validate.ts";

/** A task to assign: the capabilities it needs and its size. */
export interface AssignableTask {
  id: string;
  requiredCapabilities: string[];
  estimateHours: number;
}

/** A guild or agent that could take the task. */
export interface AssignmentCandidate {
  id: string;
  capabilities: string[];
  currentLoadHours: number;
  capacityHours: number;
}

/** One candidate's evaluation. */
export interface CandidateScore {
  id: string;
  eligible: boolean;
  /** Share of required capabilities the candidate has (1 when none are required). */
  capabilityMatch: number;
  /** (load + estimate) / capacity after taking the task. */
  utilisationAfter: number;
  score: number;
  reason: string;
}

/** The chosen assignee (null when nobody is eligible) and every candidate's score, best first. */
export interface Assignment {
  taskId: string;
  assigneeId: string | null;
  ranking: CandidateScore[];
}

/** Capability counts for 70% and spare capacity for 30%: idle hours cannot make up for missing skills. */
export const CAPABILITY_WEIGHT = 0.7;

/**
 * score = 0.7·match + 0.3·(1 − utilisationAfter). Candidates with no required capability, or who would exceed their
 * capacity, are ineligible. Ties go to the lower utilisation, then to input order. Capabilities compare
 * case-insensitively.
 */
export function assignTask(task: AssignableTask, candidates: readonly AssignmentCandidate[]): Assignment {
  const hours = requireNonNegative("task.estimateHours", task.estimateHours);
  if (candidates.length === 0) throw new DomainInputError("candidates", "needs at least one candidate");
  const required = new Set(task.requiredCapabilities.map((c) => c.trim().toLowerCase()));
  const scored = candidates.map((c, i): CandidateScore & { index: number } => {
    const capacity = requirePositive(`candidates[${i}].capacityHours`, c.capacityHours);
    const load = requireNonNegative(`candidates[${i}].currentLoadHours`, c.currentLoadHours);
    const has = new Set(c.capabilities.map((x) => x.trim().toLowerCase()));
    const matched = [...required].filter((r) => has.has(r));
    const capabilityMatch = required.size === 0 ? 1 : matched.length / required.size;
    const utilisationAfter = (load + hours) / capacity;
    const overloaded = utilisationAfter > 1;
    const eligible = capabilityMatch > 0 && !overloaded;
    const score = CAPABILITY_WEIGHT * capabilityMatch + (1 - CAPABILITY_WEIGHT) * Math.max(0, 1 - utilisationAfter);
    const missing = [...required].filter((r) => !has.has(r));
    const reason = overloaded
      ? `would be at ${Math.round(utilisationAfter * 100)}% of capacity`
      : capabilityMatch === 0
        ? "has none of the required capabilities"
        : missing.length > 0
          ? `missing ${missing.join(", ")}`
          : "has every required capability";
    return { id: c.id, eligible, capabilityMatch, utilisationAfter, score, reason, index: i };
  });
  scored.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.score - a.score ||
      a.utilisationAfter - b.utilisationAfter ||
      a.index - b.index,
  );
  const best = scored[0]!;
  return {
    taskId: task.id,
    assigneeId: best.eligible ? best.id : null,
    ranking: scored.map(({ index: _index, ...rest }) => rest),
  };
}
