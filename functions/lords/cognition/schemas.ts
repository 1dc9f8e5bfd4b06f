import * as v from "valibot";
import { decodeCursor, MAX_PAGE_SIZE } from "../../../shared/db/pagination.ts";
import { columnValues } from "../../../shared/db/rows.generated.ts";
import { integer, oneOf, strictQuery, timestamp, uuid } from "../../campaigns/fields.ts";

// Query strings and path parameters of the Cognition Lord's routes. Bodies are the
// capabilities' own input schemas (durable-objects/lords/cognition).

/** `limit` and `cursor` of a list route: limit clamped to 1–100, a cursor this API issued. */
const pageParams = {
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,6}$/, "limit must be a positive integer"),
      v.transform((text): number => Math.min(Math.max(Number(text), 1), MAX_PAGE_SIZE)),
    ),
  ),
  cursor: v.optional(
    v.pipe(
      v.string(),
      v.check((text) => decodeCursor(text) !== undefined, "cursor is not a cursor this API issued"),
    ),
  ),
};

/** `:id` of a learning, synthesis or decision. */
export const IdParams = v.object({ id: uuid("id") });

/** `GET /learning/recent` query. */
export const RecentLearningsQuery = strictQuery({
  ...pageParams,
  learning_type: v.optional(oneOf(columnValues.learnings.learning_type, "learning_type")),
  tag: v.optional(v.pipe(v.string(), v.minLength(1, "tag must not be empty"), v.maxLength(50))),
  source: v.optional(v.pipe(v.string(), v.minLength(1, "source must not be empty"), v.maxLength(200))),
});

/** `GET /synthesis/recent` query. */
export const RecentSynthesesQuery = strictQuery({
  ...pageParams,
  synthesis_type: v.optional(oneOf(columnValues.syntheses.synthesis_type, "synthesis_type")),
  status: v.optional(oneOf(columnValues.syntheses.status, "status")),
});

/** `GET /decisions/recent` query. */
export const RecentDecisionsQuery = strictQuery({
  ...pageParams,
  decision_type: v.optional(oneOf(columnValues.decisions.decision_type, "decision_type")),
  status: v.optional(oneOf(columnValues.decisions.status, "status")),
});

/** `GET /learning/summary` query: the window's start and how many top tags and sources. */
export const LearningSummaryQuery = strictQuery({
  since: v.optional(timestamp("since")),
  top: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/, "top must be a whole number"), v.transform(Number), integer("top", 1, 50)),
  ),
});
