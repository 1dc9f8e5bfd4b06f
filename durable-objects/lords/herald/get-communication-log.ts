import { equals, listPage, type Page } from "../../../shared/db/pagination.ts";
import type { CommunicationLogRow } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { CommunicationLogInput } from "./inputs.ts";
import { toListQuery } from "./list-query.ts";

/**
 * The communication history: every message the Herald sent, newest first, with its channel,
 * recipient, provider, provider message id and delivery status; filtered by channel, status,
 * kind (notification or broadcast) and notification.
 */
export const getCommunicationLog = defineCapability({
  name: "get_communication_log",
  description: "Lists the messages the Herald sent and their delivery status",
  input: CommunicationLogInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<CommunicationLogRow>> {
    const query = toListQuery(input, "-created_at");
    return ctx.transaction((tx) =>
      listPage<CommunicationLogRow>(tx, {
        table: "public.communication_log",
        where: [
          equals(tx, "workspace_id", ctx.workspaceId),
          equals(tx, "channel", input.channel),
          equals(tx, "status", input.status),
          equals(tx, "kind", input.kind),
          equals(tx, "notification_id", input.notification_id),
        ],
        query,
      }),
    );
  },
});
