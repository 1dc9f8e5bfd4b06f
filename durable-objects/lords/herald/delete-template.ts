import { defineCapability } from "../capability.ts";
import { TemplateParams } from "./inputs.ts";
import { getTemplateRow } from "./templates.ts";

/** Deletes a template; notifications sent with it keep their text and lose only the reference. */
export const deleteTemplate = defineCapability({
  name: "delete_template",
  description: "Deletes a message template",
  input: TemplateParams,
  mutates: true,
  async handler(input, ctx): Promise<{ id: string; deleted: true }> {
    await ctx.transaction(async (tx, emit) => {
      const template = await getTemplateRow(tx, ctx.workspaceId, input.id);
      await tx`delete from public.message_templates where workspace_id = ${ctx.workspaceId} and id = ${input.id}`;
      await emit("template.deleted", { template_id: template.id, name: template.name, channel: template.channel });
    });
    ctx.state.release("templates", input.id);
    return { id: input.id, deleted: true };
  },
});
