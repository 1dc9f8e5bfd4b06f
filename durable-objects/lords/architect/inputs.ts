import * as v from "valibot";
import { integer, isoDate, labels, name, oneOf, strictBody, uuid } from "../../../functions/campaigns/fields.ts";
import { columnValues } from "../../../shared/db/rows.generated.ts";
import { ARCHITECTURE_COMPONENT_TYPES } from "../../../shared/domain/architect/index.ts";

// Field schemas of the Architect's capability inputs. A POST route validates its body with the
// same schema the capability re-checks, so both name a bad field the same way.

/** The guilds guidance and reviews are about (`guilds.slug`). */
export const GUILD_SLUGS = columnValues.guilds.slug;

/** A guild by slug. */
export const guildSlug = (field: string) => oneOf(GUILD_SLUGS, field);

/** A finite number within bounds. */
export function bounded(field: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return v.pipe(
    v.number(`${field} must be a number`),
    v.finite(`${field} must be a finite number`),
    v.minValue(min, `${field} must be ≥ ${min}`),
    v.maxValue(max, `${field} must be ≤ ${max}`),
  );
}

/** A number strictly above zero. */
export function positive(field: string, max = Number.MAX_SAFE_INTEGER) {
  return v.pipe(bounded(field, 0, max), v.gtValue(0, `${field} must be greater than 0`));
}

/** A short identifier chosen by the caller (objective and goal ids). */
export const label = (field: string) =>
  v.pipe(
    v.string(`${field} must be a string`),
    v.trim(),
    v.minLength(1, `${field} must not be empty`),
    v.maxLength(100, `${field} must be at most 100 characters`),
  );

/** Required free text of bounded length. */
export const prose = (field: string, max: number) =>
  v.pipe(
    v.string(`${field} must be a string`),
    v.trim(),
    v.minLength(1, `${field} must not be empty`),
    v.maxLength(max, `${field} must be at most ${max} characters`),
  );

/** Optional links every Architect write may carry. */
export const initiativeLink = { initiative_id: v.optional(uuid("initiative_id")) };

/** The seven component types (`architecture_analyses.component_type`). */
export const componentType = oneOf(ARCHITECTURE_COMPONENT_TYPES, "component_type");

// A series of observations, oldest first; 10 000 samples is a day at one per 9 seconds. Values
// stop at a billion (11 days of latency, a billion requests a second): the columns' precision.
const series = (field: string, max = 1_000_000_000) =>
  v.pipe(
    v.array(bounded(`${field} entries`, 0, max), `${field} must be an array of numbers`),
    v.minLength(1, `${field} needs at least 1 sample`),
    v.maxLength(10_000, `${field} may hold at most 10000 samples`),
  );

/** Observed latency, throughput and error-rate series of one component. */
export const MetricsInput = strictBody({
  latency_ms: series("latency_ms"),
  throughput_rps: series("throughput_rps"),
  error_rate: series("error_rate", 1),
});
export type MetricsInput = v.InferOutput<typeof MetricsInput>;

/** Limits overriding the defaults (p99 ≤ 100 ms, errors ≤ 1%, median throughput ≥ 10 req/s). */
export const ThresholdsInput = strictBody({
  latency_p99_ms: v.optional(bounded("thresholds.latency_p99_ms", 0)),
  error_rate_max: v.optional(bounded("thresholds.error_rate_max", 0, 1)),
  throughput_min_rps: v.optional(bounded("thresholds.throughput_min_rps", 0)),
});
export type ThresholdsInput = v.InferOutput<typeof ThresholdsInput>;

/** An objective with its effort and skills. */
export const ObjectiveInput = strictBody({
  id: label("objectives.id"),
  title: name("objectives.title"),
  effort_person_days: positive("objectives.effort_person_days", 100_000),
  skills: v.optional(labels("objectives.skills", 20)),
});

/** What bounds an initiative's design. */
export const ConstraintsInput = strictBody({
  start_date: isoDate("constraints.start_date"),
  team_size: integer("constraints.team_size", 1, 10_000),
  daily_rate: v.optional(bounded("constraints.daily_rate", 0, 1_000_000)),
  budget: v.optional(bounded("constraints.budget", 0, 999_999_999_999)),
  deadline: v.optional(isoDate("constraints.deadline")),
  planning_share: v.optional(bounded("constraints.planning_share", 0, 1)),
  review_share: v.optional(bounded("constraints.review_share", 0, 1)),
});

/** An organisational goal a strategy is scored against. */
export const GoalInput = strictBody({
  id: label("goals.id"),
  description: prose("goals.description", 1000),
  keywords: v.optional(labels("goals.keywords", 30)),
  weight: v.optional(positive("goals.weight", 100)),
});
export type GoalInput = v.InferOutput<typeof GoalInput>;

/** Goals, 1–50 of them. */
export const goalList = (field: string) =>
  v.pipe(
    v.array(GoalInput, `${field} must be an array`),
    v.minLength(1, `${field} needs at least one goal`),
    v.maxLength(50, `${field} may hold at most 50 goals`),
  );
