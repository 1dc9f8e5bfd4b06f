import * as v from "valibot";

/** Most workspaces one scrape may pin. */
export const MAX_PINNED_WORKSPACES = 50;

const Uuid = v.pipe(v.string(), v.uuid("workspace_id must be a UUID"), v.toLowerCase());

/**
 * `GET /metrics` query: `workspace_id` (repeatable, a scrape config's `params`) pins the workspaces whose
 * cache is reported, instead of those found with cache activity.
 */
export const MetricsQuery = v.object({
  workspace_id: v.optional(
    v.pipe(
      v.union([Uuid, v.array(Uuid)]),
      v.transform((value) => (Array.isArray(value) ? value : [value])),
      v.maxLength(MAX_PINNED_WORKSPACES, `at most ${MAX_PINNED_WORKSPACES} workspace_id values`),
    ),
  ),
});
