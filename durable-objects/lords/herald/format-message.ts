import { type RenderedMessage, renderTemplate } from "../../../shared/domain/herald/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { FormatMessageInput } from "./inputs.ts";
import { specsToRecord, templateFamily, templateForChannel, toMessageTemplate } from "./templates.ts";

/** What `format_message` answers: the message as the channel would receive it. */
export interface FormattedMessage extends RenderedMessage {
  template_id: string | null;
}

/**
 * Renders a stored template (the channel's own sibling when there is one) or an inline one for
 * a channel, without sending anything: typed variables checked, missing ones refused, values
 * escaped for the channel, SMS sized in segments. A preview for authors and a check for callers.
 */
export const formatMessage = defineCapability({
  name: "format_message",
  description: "Renders a message template for a channel with typed, escaped variables",
  input: FormatMessageInput,
  mutates: false,
  async handler(input, ctx): Promise<FormattedMessage> {
    const variables = input.variables ?? {};
    const { template, template_id: templateId } = input;
    if (templateId === undefined) {
      // The schema admits exactly one of the two; this only narrows the type.
      if (!template)
        throw ApiError.validation([{ field: "template", message: "give exactly one of template_id or template" }]);
      const inline = {
        ...(template.subject == null ? {} : { subject: template.subject }),
        body: template.body,
        variables: specsToRecord(template.variables),
      };
      return { ...renderTemplate(inline, variables, input.channel), template_id: null };
    }
    const row = await ctx.transaction(async (tx) =>
      templateForChannel(await templateFamily(tx, ctx.workspaceId, templateId), templateId, input.channel),
    );
    return { ...renderTemplate(toMessageTemplate(row), variables, input.channel), template_id: row.id };
  },
});
