import type { MessageTemplatesRow } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { TemplateParams } from "./inputs.ts";
import { getTemplateRow } from "./templates.ts";

/** One message template. */
export const getTemplate = defineCapability({
  name: "get_template",
  description: "Gets one message template",
  input: TemplateParams,
  mutates: false,
  async handler(input, ctx): Promise<MessageTemplatesRow> {
    return ctx.transaction((tx) => getTemplateRow(tx, ctx.workspaceId, input.id));
  },
});
