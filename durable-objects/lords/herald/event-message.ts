import type { MessageTemplatesRow } from "../../../shared/db/rows.generated.ts";
import { DomainInputError } from "../../../shared/domain/errors.ts";
import { type MessageTemplate, type NotificationChannel, renderTemplate } from "../../../shared/domain/herald/index.ts";
import type { RecordedEvent } from "../../../shared/events/record.ts";
import type { Logger } from "../../../shared/logging/logger.ts";
import type { ChannelMessage } from "./messages.ts";
import { toMessageTemplate } from "./templates.ts";

/** Payload fields a default summary shows at most. */
const SUMMARY_FIELDS = 6;
/** Characters of one field's value a summary keeps. */
const SUMMARY_VALUE_CHARS = 80;
/** Characters a whole summary keeps, so even a UCS-2 SMS of it stays within its segment limit. */
const SUMMARY_CHARS = 400;

/** `campaign.status_changed` → `Campaign status changed`. */
export function eventTitle(type: string): string {
  const words = type.replace(/[._]/g, " ");
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/**
 * A one-line summary of an event's payload: its scalar fields as `key: value`, in payload order,
 * leaving out ids (the notification's data keeps the whole payload) and nested values, each
 * value cut to 80 characters, at most six fields and 400 characters in all.
 */
export function summarizePayload(payload: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(payload)) {
    if (parts.length === SUMMARY_FIELDS) break;
    if (key === "id" || key.endsWith("_id") || key.endsWith("_ids")) continue;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") continue;
    const text = String(value);
    parts.push(`${key}: ${text.length > SUMMARY_VALUE_CHARS ? `${text.slice(0, SUMMARY_VALUE_CHARS - 1)}…` : text}`);
  }
  const summary = parts.join("; ");
  return summary.length > SUMMARY_CHARS ? `${summary.slice(0, SUMMARY_CHARS - 1)}…` : summary;
}

const DEFAULT_TEMPLATE: MessageTemplate = {
  subject: "{{title}}",
  body: "{{title}}: {{summary}}",
  variables: { title: { type: "string" }, summary: { type: "string", required: false } },
};

/**
 * The message telling a subscriber about an event on one channel. A workspace can word it with
 * an active template named after the event type (`conflict.resolved`) for that channel, whose
 * variables are read from the payload plus `event_type`, `lord` and `occurred_at`; when there is
 * none, or it cannot be rendered from this payload, a default title and summary are sent.
 */
export function eventMessage(
  event: RecordedEvent,
  channel: NotificationChannel,
  templates: readonly MessageTemplatesRow[],
  logger: Logger,
): ChannelMessage {
  const template = templates.find((row) => row.channel === channel && row.name === event.type && row.is_active);
  if (template) {
    const values = { ...event.payload, event_type: event.type, lord: event.lord, occurred_at: event.createdAt };
    try {
      const rendered = renderTemplate(toMessageTemplate(template), values, channel);
      return { channel, subject: rendered.subject ?? null, body: rendered.body, templateId: template.id };
    } catch (err) {
      if (!(err instanceof DomainInputError)) throw err;
      logger.warn("event template does not fit the payload; sending the default message", {
        template_id: template.id,
        event_type: event.type,
        error: err.message,
      });
    }
  }
  const rendered = renderTemplate(
    DEFAULT_TEMPLATE,
    { title: eventTitle(event.type), summary: summarizePayload(event.payload) },
    channel,
  );
  return { channel, subject: rendered.subject ?? null, body: rendered.body, templateId: null };
}
