/**
 * A small 5-field cron matcher (minute hour day-of-month month day-of-week) with the usual
 * `*`, lists, ranges, steps and month/day names, plus QStash's optional `CRON_TZ=Zone ` prefix.
 */

/**
 * How a schedule's clock ticks. `minute` is real cron. `second` is for tests: the first field is
 * matched against the second of the minute instead, so `* * * * *` fires every second and
 * `*\/5 * * * *` every five seconds; the other fields keep their meaning.
 */
export type CronGranularity = "minute" | "second";

/** A parsed cron expression. */
export interface Cron {
  minute: Set<number>;
  hour: Set<number>;
  dayOfMonth: Set<number>;
  month: Set<number>;
  dayOfWeek: Set<number>;
  /** Cron's rule: when both day fields are restricted, either may match. */
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
  timeZone?: string;
}

const monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** Parses an expression; throws a plain Error naming the offending field. */
export function parseCron(expression: string): Cron {
  let text = expression.trim();
  let timeZone: string | undefined;
  const zone = /^CRON_TZ=(\S+)\s+/.exec(text);
  if (zone) {
    timeZone = zone[1]!;
    new Intl.DateTimeFormat("en-US", { timeZone }); // throws RangeError on an unknown zone
    text = text.slice(zone[0].length);
  }
  const fields = text.split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron "${expression}" must have 5 fields`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  const weekdays = parseField(dayOfWeek, 0, 7, dayNames);
  if (weekdays.has(7)) weekdays.add(0);
  return {
    minute: parseField(minute, 0, 59),
    hour: parseField(hour, 0, 23),
    dayOfMonth: parseField(dayOfMonth, 1, 31),
    month: parseField(month, 1, 12, monthNames, 1),
    dayOfWeek: weekdays,
    dayOfMonthRestricted: dayOfMonth !== "*",
    dayOfWeekRestricted: dayOfWeek !== "*",
    timeZone,
  };
}

function parseField(field: string, min: number, max: number, names: string[] = [], nameBase = 0): Set<number> {
  const value = (text: string) => {
    const named = names.indexOf(text.toUpperCase());
    const number = named >= 0 ? named + nameBase : Number(text);
    if (!Number.isInteger(number) || number < min || number > max) throw new Error(`invalid cron value "${text}"`);
    return number;
  };
  const values = new Set<number>();
  for (const part of field.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`invalid cron step in "${part}"`);
    let [from, to] = [min, max];
    if (range !== "*") {
      const [start = "", end] = range.split("-");
      from = value(start);
      to = end === undefined ? (stepText === undefined ? from : max) : value(end);
    }
    if (from > to) throw new Error(`invalid cron range "${part}"`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

interface WallClock {
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(time: number, timeZone?: string): WallClock {
  const date = new Date(time);
  if (!timeZone) {
    const [month, day, weekday] = [date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay()];
    return {
      month,
      day,
      weekday,
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    };
  }
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      month: "numeric",
      day: "numeric",
      weekday: "short",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: dayNames.indexOf(String(parts.weekday).toUpperCase()),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function dayMatches(cron: Cron, clock: WallClock): boolean {
  if (!cron.month.has(clock.month)) return false;
  const byDate = cron.dayOfMonth.has(clock.day);
  const byWeekday = cron.dayOfWeek.has(clock.weekday);
  if (cron.dayOfMonthRestricted && cron.dayOfWeekRestricted) return byDate || byWeekday;
  return byDate && byWeekday;
}

/** The first time strictly after `after` (unix ms) at which the expression fires. */
export function nextCronTime(cron: Cron, after: number, granularity: CronGranularity = "minute"): number {
  const stepMs = granularity === "second" ? 1_000 : 60_000;
  const limit = after + 5 * 366 * 86_400_000;
  let time = Math.floor(after / stepMs) * stepMs + stepMs;
  while (time <= limit) {
    const clock = wallClock(time, cron.timeZone);
    const toNextMinute = (60 - clock.second) * 1_000;
    const toNextHour = (59 - clock.minute) * 60_000 + toNextMinute;
    // Skip whole days and hours that cannot match instead of walking them step by step.
    if (!dayMatches(cron, clock)) time += (23 - clock.hour) * 3_600_000 + toNextHour;
    else if (!cron.hour.has(clock.hour)) time += toNextHour;
    else if (!cron.minute.has(granularity === "second" ? clock.second : clock.minute)) time += stepMs;
    else return time;
  }
  throw new Error("cron expression never fires");
}
