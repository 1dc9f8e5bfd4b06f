import {
  admit,
  type BreakerOptions,
  type BreakerRecord,
  type BreakerState,
  DEFAULT_BREAKER_OPTIONS,
  opened,
  shouldOpen,
  stateAt,
} from "./breaker-logic.ts";

/** Where breaker state lives: Redis in production (shared by every isolate), memory in tests. */
export interface BreakerStore {
  /** The provider's record, or null when closed. */
  read(provider: string): Promise<BreakerRecord | null>;
  /** Stores the record for `ttlMs`. */
  write(provider: string, record: BreakerRecord, ttlMs: number): Promise<void>;
  /** Counts one failure and returns the failures in the current window (the window starts at its first failure). */
  addFailure(provider: string, windowMs: number): Promise<number>;
  /** Takes the single probe slot of the open period that began at `openedAt`; false if someone holds it. */
  claimProbe(provider: string, openedAt: number, ttlMs: number): Promise<boolean>;
  /** Closes the breaker: drops the record and the failure count. */
  clear(provider: string): Promise<void>;
}

/** The breaker's answer to "may I call this provider?"; hand it back when reporting the outcome. */
export interface BreakerTicket {
  allowed: boolean;
  state: BreakerState;
  /** This call is the half-open probe: its outcome closes or re-opens the breaker. */
  probe: boolean;
  /** When rejected, how long until a probe may be tried. */
  retryAfterMs: number;
}

/** A state change, for logs and `system_alert` events. */
export interface BreakerTransition {
  provider: string;
  from: BreakerState;
  to: BreakerState;
  at: number;
}

/** Construction options: tuning, clock and a transition listener. */
export interface CircuitBreakerOptions extends Partial<BreakerOptions> {
  now?: () => number;
  onTransition?: (transition: BreakerTransition) => void;
}

/** Circuit breakers for every model provider, one state per provider, kept in a BreakerStore. */
export class CircuitBreaker {
  readonly options: BreakerOptions;
  private readonly store: BreakerStore;
  private readonly now: () => number;
  private readonly onTransition: (transition: BreakerTransition) => void;

  constructor(store: BreakerStore, options: CircuitBreakerOptions = {}) {
    const { now, onTransition, ...tuning } = options;
    this.options = { ...DEFAULT_BREAKER_OPTIONS, ...tuning };
    if (this.options.failureThreshold < 1) throw new RangeError("failureThreshold must be at least 1");
    this.store = store;
    this.now = now ?? Date.now;
    this.onTransition = onTransition ?? (() => {});
  }

  /** Asks to call the provider; an open breaker past its cool-down lets exactly one probe through. */
  async acquire(provider: string): Promise<BreakerTicket> {
    const now = this.now();
    const admission = admit(await this.store.read(provider), now, this.options);
    if (admission.kind === "allow") return { allowed: true, state: "closed", probe: false, retryAfterMs: 0 };
    if (admission.kind === "reject") {
      return { allowed: false, state: "open", probe: false, retryAfterMs: admission.retryAfterMs };
    }
    const claimed = await this.store.claimProbe(provider, admission.openedAt, this.options.probeTimeoutMs);
    if (!claimed)
      return { allowed: false, state: "half-open", probe: false, retryAfterMs: this.options.probeTimeoutMs };
    await this.store.write(provider, { state: "half-open", openedAt: admission.openedAt }, this.options.recordTtlMs);
    this.onTransition({ provider, from: "open", to: "half-open", at: now });
    return { allowed: true, state: "half-open", probe: true, retryAfterMs: 0 };
  }

  /** Reports a successful call: a successful probe closes the breaker. */
  async recordSuccess(provider: string, ticket: BreakerTicket): Promise<void> {
    // Only the probe may close: a straggler that started before the breaker opened proves nothing.
    if (!ticket.probe) return;
    await this.store.clear(provider);
    this.onTransition({ provider, from: "half-open", to: "closed", at: this.now() });
  }

  /** Reports a failed call: a failed probe re-opens; enough failures in a window open a closed breaker. */
  async recordFailure(provider: string, ticket: BreakerTicket): Promise<void> {
    const now = this.now();
    if (ticket.probe) {
      await this.store.write(provider, opened(now), this.options.recordTtlMs);
      this.onTransition({ provider, from: "half-open", to: "open", at: now });
      return;
    }
    // Already open: a late failure from before it opened must not extend the cool-down.
    if (await this.store.read(provider)) return;
    const failures = await this.store.addFailure(provider, this.options.windowMs);
    if (!shouldOpen(failures, this.options)) return;
    await this.store.write(provider, opened(now), this.options.recordTtlMs);
    this.onTransition({ provider, from: "closed", to: "open", at: now });
  }

  /** The provider's current state, for health checks and dashboards. */
  async state(provider: string): Promise<BreakerState> {
    return stateAt(await this.store.read(provider), this.now(), this.options);
  }
}
