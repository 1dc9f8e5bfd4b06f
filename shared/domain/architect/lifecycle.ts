import { DomainInputError, InvalidTransitionError } from "../errors.ts";

/** The nine states of a strategic initiative, from proposal to its end. */
export const INITIATIVE_STATUSES = [
  "proposed",
  "under_review",
  "approved",
  "rejected",
  "planning",
  "in_progress",
  "on_hold",
  "completed",
  "cancelled",
] as const;
/** One of INITIATIVE_STATUSES. */
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/**
 * Allowed moves. Review can send a proposal back for changes; a rejected initiative can be revised and
 * re-proposed; work can pause and resume; completed and cancelled are terminal.
 */
export const INITIATIVE_TRANSITIONS: Readonly<Record<InitiativeStatus, readonly InitiativeStatus[]>> = {
  proposed: ["under_review", "cancelled"],
  under_review: ["approved", "rejected", "proposed"],
  approved: ["planning", "cancelled"],
  rejected: ["proposed"],
  planning: ["in_progress", "on_hold", "cancelled"],
  in_progress: ["on_hold", "completed", "cancelled"],
  on_hold: ["planning", "in_progress", "cancelled"],
  completed: [],
  cancelled: [],
};

/** Whether `from` → `to` is an allowed move. */
export function canTransition(from: InitiativeStatus, to: InitiativeStatus): boolean {
  return INITIATIVE_TRANSITIONS[from]?.includes(to) ?? false;
}

/** Throws InvalidTransitionError (listing the allowed next states) unless `from` → `to` is allowed. */
export function assertTransition(from: InitiativeStatus, to: InitiativeStatus): void {
  for (const [field, s] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (!INITIATIVE_STATUSES.includes(s)) {
      throw new DomainInputError(field, `must be one of ${INITIATIVE_STATUSES.join(", ")}, got ${String(s)}`);
    }
  }
  if (!canTransition(from, to)) throw new InvalidTransitionError("status", from, to, INITIATIVE_TRANSITIONS[from]);
}
