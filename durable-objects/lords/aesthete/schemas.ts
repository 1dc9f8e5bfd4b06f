import * as v from "valibot";
import { CONTENT_TYPES } from "../../../shared/domain/aesthete/index.ts";
import { strictBody } from "../../../shared/http/fields.ts";

/** A uuid field, with a message that names what it expected. */
export const Uuid = v.pipe(v.string(), v.uuid("must be a uuid"));

/** The channels content is published on (content_items.channel). */
export const CHANNELS = [
  "email",
  "social",
  "search",
  "display",
  "video",
  "web",
  "events",
  "pr",
  "partnerships",
] as const;

/** Text of a piece of content: at least one character, at most 100,000 (a long script or page). */
const ContentText = v.pipe(v.string(), v.minLength(1, "must not be empty"), v.maxLength(100_000));

/**
 * What the content-judging capabilities accept: an existing item (`content_item_id`), optionally
 * with `content` as its new revision, or new content (`content`, `content_type`, optional `title`)
 * that becomes an item; plus the guidelines to judge by (default: every active one).
 */
export const contentSourceEntries = {
  content_item_id: v.optional(Uuid),
  content: v.optional(ContentText),
  content_type: v.optional(v.picklist(CONTENT_TYPES, `content_type must be one of ${CONTENT_TYPES.join(", ")}`)),
  title: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300))),
  channel: v.optional(v.picklist(CHANNELS, `channel must be one of ${CHANNELS.join(", ")}`)),
  campaign_id: v.optional(Uuid),
  guideline_ids: v.optional(v.pipe(v.array(Uuid), v.minLength(1), v.maxLength(100))),
};

/**
 * A content-judging capability's input: the content source entries plus `extra`, requiring an
 * item id or new content with its type and naming the field that is missing.
 */
export function contentInput<const Extra extends v.ObjectEntries>(extra: Extra) {
  const schema = strictBody({ ...contentSourceEntries, ...extra });
  type Input = v.InferOutput<typeof schema>;
  const source = (input: Input) => input as ContentSource;
  return v.pipe(
    schema,
    v.forward<Input, v.CheckIssue<Input>, ["content"]>(
      v.check(
        (input) => source(input).content_item_id !== undefined || source(input).content !== undefined,
        "give content_item_id, or content with its content_type",
      ),
      ["content"] as never,
    ),
    v.forward<Input, v.CheckIssue<Input>, ["content_type"]>(
      v.check(
        (input) => source(input).content_item_id !== undefined || source(input).content_type !== undefined,
        "is required for new content",
      ),
      ["content_type"] as never,
    ),
  );
}

/** `{content_item_id, content, …}` as the capabilities receive it. */
export interface ContentSource {
  content_item_id?: string | undefined;
  content?: string | undefined;
  content_type?: (typeof CONTENT_TYPES)[number] | undefined;
  title?: string | undefined;
  channel?: (typeof CHANNELS)[number] | undefined;
  campaign_id?: string | undefined;
  guideline_ids?: string[] | undefined;
}
