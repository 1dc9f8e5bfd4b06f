import { DomainInputError } from "../errors.ts";
import { DAY_MS, type Instant, toEpochMs } from "../time.ts";

/** Appeals are accepted for 14 days (elapsed time, not calendar days) after the decision, boundary included. */
export const APPEAL_WINDOW_MS = 14 * DAY_MS;

/** Whether an appeal is still allowed, the deadline and the time left. */
export interface AppealWindow {
  allowed: boolean;
  deadline: string;
  remainingMs: number;
}

/** Checks the 14-day appeal window; `now` comes from the caller so the rule stays testable. */
export function appealAllowed(decidedAt: Instant, now: Instant): AppealWindow {
  const decided = toEpochMs("decidedAt", decidedAt);
  const current = toEpochMs("now", now);
  if (current < decided) throw new DomainInputError("now", "is before decidedAt; the decision has not happened yet");
  const deadline = decided + APPEAL_WINDOW_MS;
  return {
    allowed: current <= deadline,
    deadline: new Date(deadline).toISOString(),
    remainingMs: Math.max(0, deadline - current),
  };
}
