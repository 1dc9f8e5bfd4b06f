import * as v from "valibot";
import { GUILD_SLUGS } from "../../../durable-objects/lords/architect/inputs.ts";
import { decodeCursor, MAX_PAGE_SIZE } from "../../../shared/db/pagination.ts";
import { columnValues } from "../../../shared/db/rows.generated.ts";
import { oneOf, strictQuery, uuid } from "../../campaigns/fields.ts";

// Query strings and path parameters of the Architect's routes. Bodies are the capabilities'
// own input schemas (durable-objects/lords/architect), so a route and its capability agree.

/** `limit` and `cursor` of a list route: limit clamped to 1–100, a cursor this API issued. */
export const pageParams = {
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

/** `:id` of an initiative. */
export const InitiativeParams = v.object({ id: uuid("id") });

/** `:guild_name` of the guidance route. */
export const GuildParams = v.object({ guild_name: oneOf(GUILD_SLUGS, "guild_name") });

/** `GET /initiatives` query. */
export const ListInitiativesQuery = strictQuery({
  ...pageParams,
  status: v.optional(oneOf(columnValues.initiatives.status, "status")),
  priority: v.optional(oneOf(columnValues.initiatives.priority, "priority")),
});

/** `GET /guidance/:guild_name` query. */
export const GuildGuidanceQuery = strictQuery({
  ...pageParams,
  guidance_type: v.optional(oneOf(columnValues.strategic_guidance.guidance_type, "guidance_type")),
  status: v.optional(oneOf(columnValues.strategic_guidance.status, "status")),
});

/** `GET /decisions` query. */
export const ListDecisionsQuery = strictQuery({
  ...pageParams,
  decision_type: v.optional(oneOf(columnValues.decisions.decision_type, "decision_type")),
  status: v.optional(oneOf(columnValues.decisions.status, "status")),
});
