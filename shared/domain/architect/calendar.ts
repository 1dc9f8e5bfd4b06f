import { DomainInputError } from "../errors.ts";
import { DAY_MS, isoDate } from "../time.ts";

/** Parses a YYYY-MM-DD calendar date to UTC midnight epoch milliseconds. */
export function parseCalendarDate(field: string, value: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(ms) || isoDate(ms) !== value) {
    throw new DomainInputError(field, `must be a calendar date YYYY-MM-DD, got ${String(value)}`);
  }
  return ms;
}

const isWeekend = (ms: number) => {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
};

/** The same day if it is a weekday, else the following Monday. */
export function nextWorkingDay(ms: number): number {
  let d = ms;
  while (isWeekend(d)) d += DAY_MS;
  return d;
}

/** The working day `n` working days after `ms` (a working day itself); n = 0 returns `ms`. */
export function addWorkingDays(ms: number, n: number): number {
  let d = ms;
  for (let left = n; left > 0; ) {
    d += DAY_MS;
    if (!isWeekend(d)) left--;
  }
  return d;
}
