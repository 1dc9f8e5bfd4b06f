import { DomainInputError } from "../errors.ts";
import { requireInteger } from "../validate.ts";
import { escapeHtml, escapeSlack } from "./escape.ts";
import { type SmsSize, smsSize } from "./sms.ts";
import { renderVariables, VARIABLE_TYPES, type VariableSpec } from "./variables.ts";

/** The four notification channels. */
export const NOTIFICATION_CHANNELS = ["email", "slack", "in_app", "sms"] as const;
/** One of NOTIFICATION_CHANNELS. */
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A message template: `{{name}}` placeholders, each declared in `variables`. */
export interface MessageTemplate {
  subject?: string;
  body: string;
  variables: Record<string, VariableSpec>;
  /** In-app bodies are HTML unless marked text. */
  inAppFormat?: "html" | "text";
}

/** A rendered message; `sms` is present for the sms channel. */
export interface RenderedMessage {
  channel: NotificationChannel;
  subject?: string;
  body: string;
  sms?: SmsSize;
}

/** A single SMS may be split into at most this many parts (≈ 1 530 GSM characters, under common 1 600 limits). */
export const DEFAULT_SMS_MAX_SEGMENTS = 10;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Renders a template for a channel. The template text is trusted; variable values are not, so they are escaped for
 * the channel: HTML-escaped for email and HTML in-app bodies, Slack's &, <, > escapes for slack, raw for sms and
 * text in-app. Subjects (email, in-app) are plain text with line breaks collapsed, so a value cannot inject a
 * header. SMS bodies over the segment limit are rejected.
 */
export function renderTemplate(
  template: MessageTemplate,
  variables: Readonly<Record<string, unknown>>,
  channel: NotificationChannel,
  options: { smsMaxSegments?: number } = {},
): RenderedMessage {
  if (!NOTIFICATION_CHANNELS.includes(channel)) {
    throw new DomainInputError("channel", `must be one of ${NOTIFICATION_CHANNELS.join(", ")}, got ${String(channel)}`);
  }
  checkTemplate(template);
  const values = renderVariables(template.variables, variables);
  const escapeValue =
    channel === "email" || (channel === "in_app" && template.inAppFormat !== "text")
      ? escapeHtml
      : channel === "slack"
        ? escapeSlack
        : (s: string) => s;
  const body = fill(template.body, values, escapeValue);
  const result: RenderedMessage = { channel, body };
  if (template.subject !== undefined && (channel === "email" || channel === "in_app")) {
    result.subject = fill(template.subject, values, (s) => s).replace(/[\r\n]+/g, " ");
  }
  if (channel === "sms") {
    const max = requireInteger("smsMaxSegments", options.smsMaxSegments ?? DEFAULT_SMS_MAX_SEGMENTS, 1, 255);
    const size = smsSize(body);
    if (size.segments > max) {
      throw new DomainInputError(
        "body",
        `sms message needs ${size.segments} segments (${size.encoding}), limit is ${max}`,
      );
    }
    result.sms = size;
  }
  return result;
}

/**
 * Checks a template without rendering it: every variable has a known type and every `{{name}}` in the body and
 * subject is declared. Lets a template be rejected when it is saved rather than when it is first sent.
 */
export function checkTemplate(template: MessageTemplate): void {
  for (const [name, spec] of Object.entries(template.variables)) {
    if (!VARIABLE_TYPES.includes(spec.type)) {
      throw new DomainInputError(`template.variables.${name}`, `type must be one of ${VARIABLE_TYPES.join(", ")}`);
    }
  }
  requireDeclared("template.body", template.body, template.variables);
  if (template.subject !== undefined) requireDeclared("template.subject", template.subject, template.variables);
}

function requireDeclared(field: string, text: string, specs: Readonly<Record<string, VariableSpec>>): void {
  const undeclared = [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!))].filter(
    (n) => !Object.hasOwn(specs, n),
  );
  if (undeclared.length > 0) {
    throw new DomainInputError(field, `uses undeclared variables: ${undeclared.join(", ")}`);
  }
}

function fill(text: string, values: ReadonlyMap<string, string>, escapeValue: (s: string) => string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => escapeValue(values.get(name)!));
}
