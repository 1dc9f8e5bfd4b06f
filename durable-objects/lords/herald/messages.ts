import type { Tx } from "../../../shared/db/database.ts";
import { type MessageTemplate, type NotificationChannel, renderTemplate } from "../../../shared/domain/herald/index.ts";
import { templateFamily, templateForChannel, toMessageTemplate } from "./templates.ts";

/** A message rendered for one channel, ready to store as a notification. */
export interface ChannelMessage {
  channel: NotificationChannel;
  subject: string | null;
  body: string;
  templateId: string | null;
}

/** What to send: a stored template and its values, or a raw subject and body. */
export interface MessageSource {
  template_id?: string | undefined;
  variables?: Record<string, unknown> | undefined;
  subject?: string | null | undefined;
  body?: string | undefined;
}

// A raw message goes through the same renderer as a template, so its text is escaped for each
// channel exactly as a template variable would be.
const RAW: MessageTemplate = {
  subject: "{{subject}}",
  body: "{{body}}",
  variables: { subject: { type: "string", required: false }, body: { type: "string" } },
};

/**
 * Renders the message once per channel: with each channel's sibling of the stored template when
 * there is one, escaped for the channel. Missing or mistyped variables are a 400 naming them.
 */
export async function renderForChannels(
  tx: Tx,
  workspaceId: string,
  source: MessageSource,
  channels: readonly NotificationChannel[],
): Promise<ChannelMessage[]> {
  if (source.template_id === undefined) {
    const values = { subject: source.subject ?? null, body: source.body ?? "" };
    return channels.map((channel) => toChannelMessage(renderTemplate(RAW, values, channel), null));
  }
  const chosenId = source.template_id;
  const family = await templateFamily(tx, workspaceId, chosenId);
  return channels.map((channel) => {
    const row = templateForChannel(family, chosenId, channel);
    return toChannelMessage(renderTemplate(toMessageTemplate(row), source.variables ?? {}, channel), row.id);
  });
}

function toChannelMessage(rendered: ReturnType<typeof renderTemplate>, templateId: string | null): ChannelMessage {
  return {
    channel: rendered.channel,
    subject: rendered.subject === undefined || rendered.subject === "" ? null : rendered.subject,
    body: rendered.body,
    templateId,
  };
}
