import type postgres from "postgres";
import type { MessageTemplatesRow } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { UpdateTemplateInput } from "./inputs.ts";
import { requireConsistent } from "./template-checks.ts";
import { getTemplateRow, type StoredSpec, toMessageTemplate } from "./templates.ts";

/**
 * Changes a template's name, subject, body, variables or whether it is active; the result is
 * checked as a whole (a body may not keep a placeholder whose declaration was removed). The
 * channel never changes: it decides how values are escaped.
 */
export const updateTemplate = defineCapability({
  name: "update_template",
  description: "Changes a message template's wording, variables or active flag",
  input: UpdateTemplateInput,
  mutates: true,
  async handler(input, ctx): Promise<MessageTemplatesRow> {
    const template = await ctx.transaction(async (tx, emit) => {
      const current = await getTemplateRow(tx, ctx.workspaceId, input.id);
      const currentVariables = Object.entries(toMessageTemplate(current).variables).map(
        ([name, spec]): StoredSpec => ({ name, ...spec }),
      );
      const next = {
        subject: input.subject === undefined ? current.subject_template : input.subject,
        body: input.body ?? current.body_template,
        variables: input.variables ?? currentVariables,
      };
      requireConsistent(next);
      const [row] = await tx<MessageTemplatesRow[]>`
        update public.message_templates
        set name = ${input.name ?? current.name},
            subject_template = ${next.subject},
            body_template = ${next.body},
            variables = ${tx.json(next.variables as unknown as postgres.JSONValue)},
            is_active = ${input.is_active ?? current.is_active}
        where workspace_id = ${ctx.workspaceId} and id = ${input.id}
        returning *`;
      if (!row) throw new Error("message_templates update returned no row");
      const changed = Object.keys(input).filter((key) => key !== "id");
      await emit("template.updated", { template_id: row.id, name: row.name, channel: row.channel, changed });
      return row;
    });
    ctx.state.track("templates", template.id, template.is_active ? "active" : "inactive");
    return template;
  },
});
