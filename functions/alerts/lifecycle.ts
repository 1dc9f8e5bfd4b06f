import type { AlertsStatus } from "../../shared/db/rows.generated.ts";
import { InvalidTransitionError } from "../../shared/domain/errors.ts";

/** What a person can do to an alert. */
export type AlertAction = "acknowledge" | "resolve";

const TARGET: Record<AlertAction, AlertsStatus> = { acknowledge: "acknowledged", resolve: "resolved" };

// An alert can be resolved without being acknowledged first; a resolved alert stays resolved
// (a recurrence is a new alert, so the history of the old one is not rewritten).
const NEXT: Record<AlertsStatus, readonly AlertsStatus[]> = {
  open: ["acknowledged", "resolved"],
  acknowledged: ["resolved"],
  resolved: [],
};

/** The status `action` moves an alert to; throws InvalidTransitionError (409) when it may not. */
export function nextAlertStatus(current: AlertsStatus, action: AlertAction): AlertsStatus {
  const target = TARGET[action];
  if (!NEXT[current].includes(target)) throw new InvalidTransitionError("status", current, target, NEXT[current]);
  return target;
}
