import * as v from "valibot";
import { PATTERN_SYNTAX } from "../../shared/cache/keys.ts";
import { DEFAULT_WARM_CRON, WARM_KINDS } from "../../shared/cache/warm/schedules.ts";

/** `DELETE /cache?pattern=`: what follows `cache:{workspace}:` in a key, with `*` and `?` wildcards. */
export const InvalidateQuery = v.object({
  pattern: v.pipe(
    v.string("pattern is required"),
    v.regex(PATTERN_SYNTAX, "pattern may only contain letters, digits, '_', ':', '.', '-', '*' and '?' (1-200)"),
  ),
});

/** Five cron fields of digits, `*`, `/`, `,` and `-` (QStash validates the expression itself too). */
const CRON = /^([0-9*/,-]+\s+){4}[0-9*/,-]+$/;

/** `PUT /cache/warming`: which kinds to warm and when. */
export const WarmingBody = v.strictObject({
  kinds: v.optional(
    v.pipe(v.array(v.picklist(WARM_KINDS, `kinds must be among ${WARM_KINDS.join(", ")}`)), v.minLength(1)),
    [...WARM_KINDS],
  ),
  cron: v.optional(
    v.pipe(v.string(), v.trim(), v.regex(CRON, "cron must be a five-field cron expression")),
    DEFAULT_WARM_CRON,
  ),
});

/** `POST /cache/warming/run`: which kinds to warm now. */
export const WarmNowBody = v.strictObject({
  kinds: v.optional(v.pipe(v.array(v.picklist(WARM_KINDS)), v.minLength(1)), [...WARM_KINDS]),
});
