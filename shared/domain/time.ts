import { DomainInputError } from "./errors.ts";

/** Milliseconds in one day (UTC days: domain rules count elapsed time, not calendar days). */
export const DAY_MS = 86_400_000;
/** Milliseconds in one hour. */
export const HOUR_MS = 3_600_000;

/** An instant as a Date, an ISO-8601 string or epoch milliseconds. */
export type Instant = Date | string | number;

/** Converts an instant to epoch milliseconds, rejecting unparseable values naming `field`. */
export function toEpochMs(field: string, value: Instant): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value);
  if (typeof ms !== "number" || !Number.isFinite(ms)) {
    throw new DomainInputError(field, `must be a valid date or ISO-8601 timestamp, got ${String(value)}`);
  }
  return ms;
}

/** Formats epoch milliseconds as an ISO calendar date (YYYY-MM-DD, UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
