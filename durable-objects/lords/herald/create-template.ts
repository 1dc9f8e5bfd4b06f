import type postgres from "postgres";
import type { MessageTemplatesRow } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { CreateTemplateInput } from "./inputs.ts";
import { requireConsistent } from "./template-checks.ts";

/**
 * Creates a message template for one channel: `{{name}}` placeholders, each declared with a
 * type (string, number, date, url). Undeclared placeholders are refused now, not at first send;
 * a name already used on the channel is a 409. Templates sharing a name across channels are one
 * message in each channel's wording.
 */
export const createTemplate = defineCapability({
  name: "create_template",
  description: "Creates a message template with typed variables for one channel",
  input: CreateTemplateInput,
  mutates: true,
  async handler(input, ctx): Promise<MessageTemplatesRow> {
    const variables = input.variables ?? [];
    requireConsistent({ subject: input.subject ?? null, body: input.body, variables });
    const template = await ctx.transaction(async (tx, emit) => {
      const [row] = await tx<MessageTemplatesRow[]>`
        insert into public.message_templates
          (workspace_id, name, channel, subject_template, body_template, variables, is_active, created_by)
        values (${ctx.workspaceId}, ${input.name}, ${input.channel}, ${input.subject ?? null}, ${input.body},
                ${tx.json(variables as unknown as postgres.JSONValue)}, ${input.is_active ?? true}, ${ctx.actor.userId})
        returning *`;
      if (!row) throw new Error("message_templates insert returned no row");
      await emit("template.created", {
        template_id: row.id,
        name: row.name,
        channel: row.channel,
        variables: variables.map((spec) => spec.name),
      });
      return row;
    });
    ctx.state.track("templates", template.id, template.is_active ? "active" : "inactive");
    return template;
  },
});
