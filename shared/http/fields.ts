import * as v from "valibot";

// Valibot building blocks shared by every endpoint group and the Lords' inputs, so the same kind
// of input is checked the same way and answers with the same message everywhere.

/** Longest name or title the schema accepts (the tables' check constraints). */
export const MAX_NAME = 200;
/** Longest free-text description accepted. */
export const MAX_TEXT = 5000;
/** Longest short label (metric names, units, objectives). */
export const MAX_LABEL = 500;

/**
 * A JSON request body that rejects fields it does not know and names missing ones, instead of
 * valibot's generic "Invalid key" messages.
 */
export function strictBody<const Entries extends v.ObjectEntries>(entries: Entries) {
  return v.strictObject(entries, (issue) => {
    if (issue.expected === "never") return "is not a known field";
    if (issue.received === "undefined") return "is required";
    return "body must be a JSON object";
  });
}

/** A query string that rejects parameters it does not know, so a misspelt filter is not silently ignored. */
export function strictQuery<const Entries extends v.ObjectEntries>(entries: Entries) {
  return v.strictObject(entries, (issue) =>
    issue.expected === "never" ? "is not a known query parameter" : `${issue.expected} is required`,
  );
}

/** The path parameter naming one resource. */
export function idParam<const Key extends string>(key: Key) {
  return v.object({ [key]: uuid(key) } as { [K in Key]: ReturnType<typeof uuid> });
}

/** A UUID. */
export function uuid(name: string) {
  return v.pipe(v.string(`${name} must be a string`), v.uuid(`${name} must be a UUID`));
}

/** A required name or title: trimmed, 1…200 characters. */
export function name(field: string, max = MAX_NAME) {
  return v.pipe(
    v.string(`${field} must be a string`),
    v.trim(),
    v.minLength(1, `${field} must not be empty`),
    v.maxLength(max, `${field} must be at most ${max} characters`),
  );
}

/** Optional free text; null clears it. */
export function text(field: string, max = MAX_TEXT) {
  return v.nullable(
    v.pipe(v.string(`${field} must be a string`), v.maxLength(max, `${field} must be at most ${max} characters`)),
  );
}

/** One of a fixed set of values. */
export function oneOf<const T extends readonly string[]>(values: T, field: string) {
  return v.picklist(values, `${field} must be one of ${values.join(", ")}`);
}

/** An integer within bounds. */
export function integer(field: string, min: number, max: number) {
  return v.pipe(
    v.number(`${field} must be a number`),
    v.integer(`${field} must be an integer`),
    v.minValue(min, `${field} must be ≥ ${min}`),
    v.maxValue(max, `${field} must be ≤ ${max}`),
  );
}

/** A finite number within bounds with at most `decimals` decimal places (numeric(p, s) columns). */
export function decimal(field: string, options: { min: number; max: number; decimals: number }) {
  return v.pipe(
    v.number(`${field} must be a number`),
    v.finite(`${field} must be a finite number`),
    v.minValue(options.min, `${field} must be ≥ ${options.min}`),
    v.maxValue(options.max, `${field} must be ≤ ${options.max}`),
    v.check(
      (value) => Number(value.toFixed(options.decimals)) === value,
      `${field} must have at most ${options.decimals} decimal places`,
    ),
  );
}

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text.slice(0, 10);
}

/** A calendar date, `YYYY-MM-DD`. */
export function isoDate(field: string) {
  return v.pipe(
    v.string(`${field} must be a string`),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date as YYYY-MM-DD`),
    v.check(isCalendarDate, `${field} is not a real calendar date`),
  );
}

/** An ISO 8601 timestamp with a time zone, e.g. `2027-03-01T09:00:00Z`. */
export function timestamp(field: string) {
  return v.pipe(
    v.string(`${field} must be a string`),
    v.regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/,
      `${field} must be an ISO 8601 timestamp with a time zone`,
    ),
    v.check((value) => isCalendarDate(value) && !Number.isNaN(Date.parse(value)), `${field} is not a real timestamp`),
  );
}

/** A list of short strings (objectives, differentiators, proof points). */
export function labels(field: string, maxItems: number) {
  return v.pipe(
    v.array(
      v.pipe(
        v.string(`${field} entries must be strings`),
        v.trim(),
        v.minLength(1, `${field} entries must not be empty`),
        v.maxLength(MAX_LABEL, `${field} entries must be at most ${MAX_LABEL} characters`),
      ),
      `${field} must be an array`,
    ),
    v.maxLength(maxItems, `${field} may hold at most ${maxItems} entries`),
  );
}

/** True unless both bounds are given and the end comes before the start (dates or timestamps). */
export function inOrder(start: string | null | undefined, end: string | null | undefined): boolean {
  if (!start || !end) return true;
  return Date.parse(end) >= Date.parse(start);
}

/** A body check that the end bound is not before the start bound, reported on the end field. */
export function boundsInOrder<TInput extends Record<string, unknown>>(start: string, end: string) {
  return v.forward<TInput, v.CheckIssue<TInput>, [never]>(
    v.check<TInput, string>((input) => {
      const record = input as Record<string, unknown>;
      return inOrder(record[start] as string | null | undefined, record[end] as string | null | undefined);
    }, `${end} must not be before ${start}`),
    // `end` is a key of the body; valibot cannot prove that for a generic input.
    [end] as never,
  );
}

/** A body check that a PATCH changes something. */
export function notEmpty<TInput extends object>() {
  return v.check<TInput, string>(
    (input) => Object.values(input).some((value) => value !== undefined),
    "body must name at least one field to change",
  );
}
