import * as v from "valibot";

/** A uuid field, with a message that names what it expected. */
export const Uuid = v.pipe(v.string(), v.uuid("must be a uuid"));

/** A short required label (subject, metric, title). */
export const Label = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"), v.maxLength(max));

/** An ISO 8601 date (yyyy-mm-dd). */
export const IsoDate = v.pipe(v.string(), v.isoDate("must be a date like 2027-01-31"));

/** An ISO 8601 timestamp with an offset or Z. */
export const IsoTimestamp = v.pipe(v.string(), v.isoTimestamp("must be a timestamp like 2026-11-20T09:00:00Z"));

/** A number within [min, max]. */
export const Between = (min: number, max: number) =>
  v.pipe(v.number(), v.minValue(min, `must be at least ${min}`), v.maxValue(max, `must be at most ${max}`));
