/** Closed lets calls through, open rejects them, half-open lets one probe decide. */
export type BreakerState = "closed" | "open" | "half-open";

/** What is stored for a provider whose breaker is not closed (no record means closed). */
export interface BreakerRecord {
  state: "open" | "half-open";
  /** When the breaker (last) opened, epoch ms; also names the open period's single probe. */
  openedAt: number;
}

/** Breaker tuning. */
export interface BreakerOptions {
  /** Failures within one window that open the breaker. */
  failureThreshold: number;
  /** The failure-counting window, from the first failure in it. */
  windowMs: number;
  /** How long an open breaker rejects before letting a probe through. */
  coolDownMs: number;
  /** How long a probe holds the half-open slot before another may try (a probe that never reports). */
  probeTimeoutMs: number;
  /** Lifetime of a stored record, so a provider nobody calls any more does not keep state forever. */
  recordTtlMs: number;
}

/** 5 failures in a minute open the breaker for a minute (the sibling design's failure_threshold=5, timeout=60). */
export const DEFAULT_BREAKER_OPTIONS: BreakerOptions = {
  failureThreshold: 5,
  windowMs: 60_000,
  coolDownMs: 60_000,
  probeTimeoutMs: 30_000,
  recordTtlMs: 86_400_000,
};

/** What an incoming call may do. */
export type Admission =
  | { kind: "allow" }
  | { kind: "probe"; openedAt: number }
  | { kind: "reject"; retryAfterMs: number };

/** Decides admission from the stored record: closed allows, cooling down rejects, cooled down asks for the probe. */
export function admit(record: BreakerRecord | null, now: number, options: BreakerOptions): Admission {
  if (!record) return { kind: "allow" };
  const reopensAt = record.openedAt + options.coolDownMs;
  if (now < reopensAt) return { kind: "reject", retryAfterMs: reopensAt - now };
  return { kind: "probe", openedAt: record.openedAt };
}

/** The state a record stands for at `now` (an open breaker past its cool-down is effectively half-open). */
export function stateAt(record: BreakerRecord | null, now: number, options: BreakerOptions): BreakerState {
  if (!record) return "closed";
  return admit(record, now, options).kind === "reject" ? "open" : "half-open";
}

/** Whether a closed breaker trips, given the failures counted in the current window. */
export function shouldOpen(failuresInWindow: number, options: BreakerOptions): boolean {
  return failuresInWindow >= options.failureThreshold;
}

/** The record of a breaker that opens (or re-opens after a failed probe) at `now`. */
export function opened(now: number): BreakerRecord {
  return { state: "open", openedAt: now };
}
