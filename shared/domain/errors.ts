/** One problem with one input field, in the shape error envelopes list as details. */
export interface DomainIssue {
  field: string;
  message: string;
}

/** Invalid input to a domain algorithm; handlers map it to a 400 naming `field`. */
export class DomainInputError extends Error {
  readonly field: string;
  readonly reason: string;
  readonly issues: DomainIssue[];

  constructor(field: string, reason: string, issues?: DomainIssue[]) {
    super(`${field}: ${reason}`);
    this.name = "DomainInputError";
    this.field = field;
    this.reason = reason;
    this.issues = issues && issues.length > 0 ? issues : [{ field, message: reason }];
  }
}

/** A lifecycle transition the state machine forbids; a DomainInputError so a 400 is the safe default, 409 the better map. */
export class InvalidTransitionError extends DomainInputError {
  readonly from: string;
  readonly to: string;

  constructor(field: string, from: string, to: string, allowed: readonly string[]) {
    const next = allowed.length > 0 ? allowed.join(", ") : "none (terminal state)";
    super(field, `cannot move from "${from}" to "${to}"; allowed next states: ${next}`);
    this.name = "InvalidTransitionError";
    this.from = from;
    this.to = to;
  }
}
