import * as v from "valibot";
import { name, oneOf, strictBody, uuid } from "../../../functions/campaigns/fields.ts";
import { ROLES } from "../../../shared/auth/permissions.ts";
import { columnValues } from "../../../shared/db/rows.generated.ts";
import { NOTIFICATION_CHANNELS, VARIABLE_TYPES } from "../../../shared/domain/herald/index.ts";
import { booleanFlag, listQuerySchema } from "./list-query.ts";
import { isTopic } from "./topics.ts";

// Every schema here is validated twice, by the route and again by the Lord, so none transforms
// except where the transform's output is itself valid input (the subscriber routes' action).

/** Longest subject a notification or template carries. */
export const MAX_SUBJECT = 300;
/** Longest body a notification or template carries. */
export const MAX_BODY = 10_000;
/** Most recipients one send names; broadcasts reach whole workspaces instead. */
export const MAX_RECIPIENTS = 100;

const PRIORITIES = columnValues.notifications.priority;

const unique = <T>(field: string) =>
  v.check<T[], string>((items) => new Set(items).size === items.length, `${field} must not repeat an entry`);

const channel = (field = "channel") => oneOf(NOTIFICATION_CHANNELS, field);

const channels = v.pipe(
  v.array(channel("channels entries"), "channels must be an array"),
  v.minLength(1, "channels must name at least one channel"),
  unique("channels"),
);

const subject = v.nullable(
  v.pipe(
    v.string("subject must be a string"),
    v.maxLength(MAX_SUBJECT, `subject must be at most ${MAX_SUBJECT} characters`),
  ),
);

const body = v.pipe(
  v.string("body must be a string"),
  v.minLength(1, "body must not be empty"),
  v.maxLength(MAX_BODY, `body must be at most ${MAX_BODY} characters`),
);

const jsonObject = (field: string) => v.record(v.string(), v.unknown(), `${field} must be a JSON object`);

const VariableSpec = strictBody({
  name: v.pipe(
    v.string("variables entries' name must be a string"),
    v.regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "variables entries' name must be an identifier (letters, digits, _)"),
  ),
  type: oneOf(VARIABLE_TYPES, "variables entries' type"),
  required: v.optional(v.boolean("variables entries' required must be true or false")),
  style: v.optional(oneOf(["date", "datetime"] as const, "variables entries' style")),
});
/** A declared template variable, as templates store them (an ordered list). */
export type VariableSpecInput = v.InferOutput<typeof VariableSpec>;

const variableSpecs = v.pipe(
  v.array(VariableSpec, "variables must be an array of {name, type}"),
  v.maxLength(50, "variables may declare at most 50 variables"),
  v.check((specs) => new Set(specs.map((spec) => spec.name)).size === specs.length, "variables must not repeat a name"),
);

/** Exactly one of two fields: reported on the second when neither or both are given. */
function exactlyOne<T extends Record<string, unknown>>(first: keyof T & string, second: keyof T & string) {
  return v.forward<T, v.CheckIssue<T>, [never]>(
    v.check(
      (input) => (input[first] === undefined) !== (input[second] === undefined),
      `give exactly one of ${first} or ${second}`,
    ),
    [second] as never,
  );
}

/** Variables are values for a stored template; a raw message has none. */
function variablesNeedTemplate<T extends Record<string, unknown>>() {
  return v.forward<T, v.CheckIssue<T>, [never]>(
    v.check(
      (input) => input.variables === undefined || input.template_id !== undefined,
      "variables need a template_id",
    ),
    ["variables"] as never,
  );
}

/** The message part of a send or broadcast: a stored template with variables, or a raw subject and body. */
const messageEntries = {
  template_id: v.optional(uuid("template_id")),
  variables: v.optional(jsonObject("variables")),
  subject: v.optional(subject),
  body: v.optional(body),
  priority: v.optional(oneOf(PRIORITIES, "priority")),
  data: v.optional(jsonObject("data")),
};

/** `send_notification`: members to notify on each of `channels`. */
export const SendNotificationInput = v.pipe(
  strictBody({
    ...messageEntries,
    recipients: v.pipe(
      v.array(uuid("recipients entries"), "recipients must be an array of user ids"),
      v.minLength(1, "recipients must name at least one member"),
      v.maxLength(MAX_RECIPIENTS, `recipients may name at most ${MAX_RECIPIENTS} members`),
      unique("recipients"),
    ),
    channels,
  }),
  exactlyOne("template_id", "body"),
  variablesNeedTemplate(),
);
export type SendNotificationInput = v.InferOutput<typeof SendNotificationInput>;

/** `broadcast_event`: every member (or those in `roles`) of this workspace, or of every workspace of its organization the caller operates. */
export const BroadcastInput = v.pipe(
  strictBody({
    ...messageEntries,
    channels: v.optional(channels),
    roles: v.optional(
      v.pipe(
        v.array(oneOf(ROLES, "roles entries"), "roles must be an array"),
        v.minLength(1, "roles must name at least one role"),
        unique("roles"),
      ),
    ),
    scope: v.optional(oneOf(["workspace", "organization"] as const, "scope")),
  }),
  exactlyOne("template_id", "body"),
  variablesNeedTemplate(),
);
export type BroadcastInput = v.InferOutput<typeof BroadcastInput>;

const inlineTemplate = strictBody({
  subject: v.optional(subject),
  body,
  variables: variableSpecs,
});

/** `format_message`: renders a stored or inline template for a channel without sending it. */
export const FormatMessageInput = v.pipe(
  strictBody({
    template_id: v.optional(uuid("template_id")),
    template: v.optional(inlineTemplate),
    channel: channel(),
    variables: v.optional(jsonObject("variables")),
  }),
  exactlyOne("template_id", "template"),
);
export type FormatMessageInput = v.InferOutput<typeof FormatMessageInput>;

/** `create_template`. */
export const CreateTemplateInput = strictBody({
  name: name("name"),
  channel: channel(),
  subject: v.optional(subject),
  body,
  variables: v.optional(variableSpecs),
  is_active: v.optional(v.boolean("is_active must be true or false")),
});
export type CreateTemplateInput = v.InferOutput<typeof CreateTemplateInput>;

const templateChanges = {
  name: v.optional(name("name")),
  subject: v.optional(subject),
  body: v.optional(body),
  variables: v.optional(variableSpecs),
  is_active: v.optional(v.boolean("is_active must be true or false")),
};
function changesSomething<T extends Record<string, unknown>>() {
  return v.check<T, string>(
    (input) => Object.entries(input).some(([key, value]) => key !== "id" && value !== undefined),
    "body must name at least one field to change",
  );
}

/** `PATCH /templates/:id` body; the channel is fixed, since it decides how values are escaped. */
export const UpdateTemplateBody = v.pipe(strictBody(templateChanges), changesSomething());
/** `update_template`: the body plus the template id from the path. */
export const UpdateTemplateInput = v.pipe(strictBody({ ...templateChanges, id: uuid("id") }), changesSomething());
export type UpdateTemplateInput = v.InferOutput<typeof UpdateTemplateInput>;

/** `:id` of a template route. */
export const TemplateParams = v.object({ id: uuid("id") });
export type TemplateParams = v.InferOutput<typeof TemplateParams>;

const topics = v.pipe(
  v.array(
    v.pipe(
      v.string("topics entries must be strings"),
      v.check(isTopic, "topics entries must be an event type, a domain wildcard like campaign.*, or a channel"),
    ),
    "topics must be an array",
  ),
  v.minLength(1, "topics must name at least one topic"),
  v.maxLength(50, "topics may name at most 50 topics"),
  unique("topics"),
);

const subscriberEntries = {
  /** Whose subscriptions change; the caller's own when absent. */
  user_id: v.optional(uuid("user_id")),
  topics,
  channels,
};
const filters = v.record(
  v.string(),
  v.union([v.string(), v.number(), v.boolean()], "filters values must be strings, numbers or booleans"),
  "filters must be a JSON object",
);

/** `POST /subscribers/register` body: matching events notify the member on each channel. */
export const RegisterBody = v.pipe(
  strictBody({ ...subscriberEntries, filters: v.optional(filters) }),
  v.transform((input) => ({ ...input, action: "register" as const })),
);
/** `POST /subscribers/unregister` body. */
export const UnregisterBody = v.pipe(
  strictBody(subscriberEntries),
  v.transform((input) => ({ ...input, action: "unregister" as const })),
);

/**
 * `manage_subscribers`: register (or re-activate, replacing filters) or unregister a member for
 * topics on channels. `filters` must all equal the event payload's values for it to notify.
 */
export const ManageSubscribersInput = v.variant(
  "action",
  [
    strictBody({ ...subscriberEntries, filters: v.optional(filters), action: v.literal("register") }),
    strictBody({ ...subscriberEntries, action: v.literal("unregister") }),
  ],
  "action must be register or unregister",
);
export type ManageSubscribersInput = v.InferOutput<typeof ManageSubscribersInput>;

/** `GET /subscribers`. */
export const ListSubscribersInput = listQuerySchema(["created_at"], "-created_at", {
  user_id: v.optional(uuid("user_id")),
  topic: v.optional(v.string()),
  channel: v.optional(channel()),
  active: v.optional(booleanFlag("active")),
});
export type ListSubscribersInput = v.InferOutput<typeof ListSubscribersInput>;

/** `GET /templates`. */
export const ListTemplatesInput = listQuerySchema(["created_at", "name"], "name", {
  channel: v.optional(channel()),
  name: v.optional(v.string()),
  active: v.optional(booleanFlag("active")),
});
export type ListTemplatesInput = v.InferOutput<typeof ListTemplatesInput>;

/** `GET /communications/log`. */
export const CommunicationLogInput = listQuerySchema(["created_at"], "-created_at", {
  channel: v.optional(channel()),
  status: v.optional(oneOf(columnValues.communication_log.status, "status")),
  kind: v.optional(oneOf(columnValues.communication_log.kind, "kind")),
  notification_id: v.optional(uuid("notification_id")),
});
export type CommunicationLogInput = v.InferOutput<typeof CommunicationLogInput>;

/** `GET /notifications`: the caller's own unless they operate the Lords and ask for someone's or everyone's. */
export const ListNotificationsInput = listQuerySchema(["created_at"], "-created_at", {
  user_id: v.optional(uuid("user_id")),
  status: v.optional(oneOf(columnValues.notifications.status, "status")),
  channel: v.optional(channel()),
  all: v.optional(booleanFlag("all")),
});
export type ListNotificationsInput = v.InferOutput<typeof ListNotificationsInput>;

/** `GET /outbox`. */
export const OutboxInput = v.object({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, "limit must be an integer from 1 to 500"),
      v.check((text) => Number(text) >= 1 && Number(text) <= 500, "limit must be an integer from 1 to 500"),
    ),
  ),
});
export type OutboxInput = v.InferOutput<typeof OutboxInput>;
