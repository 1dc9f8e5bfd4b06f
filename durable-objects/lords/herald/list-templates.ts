import { equals, listPage, type Page } from "../../../shared/db/pagination.ts";
import type { MessageTemplatesRow } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { ListTemplatesInput } from "./inputs.ts";
import { toListQuery } from "./list-query.ts";

/** Lists the workspace's message templates, by name by default, filtered by channel, name and active flag. */
export const listTemplates = defineCapability({
  name: "list_templates",
  description: "Lists message templates",
  input: ListTemplatesInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<MessageTemplatesRow>> {
    const query = toListQuery(input, "name");
    return ctx.transaction((tx) =>
      listPage<MessageTemplatesRow>(tx, {
        table: "public.message_templates",
        where: [
          equals(tx, "workspace_id", ctx.workspaceId),
          equals(tx, "channel", input.channel),
          equals(tx, "name", input.name),
          equals(tx, "is_active", input.active === undefined ? undefined : input.active === "true"),
        ],
        query,
      }),
    );
  },
});
