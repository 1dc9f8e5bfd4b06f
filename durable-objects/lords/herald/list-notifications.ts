import { equals, listPage, type Page } from "../../../shared/db/pagination.ts";
import type { NotificationsRow } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { ListNotificationsInput } from "./inputs.ts";
import { toListQuery } from "./list-query.ts";

/**
 * A member's notifications, newest first: what an in-app client loads when a
 * `notification.sent` for its user arrives on the socket. The caller's own by default; lord
 * operators may name a member or ask for `all` (RLS hides others' from everyone else).
 */
export const listNotifications = defineCapability({
  name: "list_notifications",
  description: "Lists notifications: the caller's own, or a member's or all for lord operators",
  input: ListNotificationsInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<NotificationsRow>> {
    const query = toListQuery(input, "-created_at");
    const userId = input.user_id ?? (input.all === "true" ? undefined : ctx.actor.userId);
    return ctx.transaction((tx) =>
      listPage<NotificationsRow>(tx, {
        table: "public.notifications",
        where: [
          equals(tx, "workspace_id", ctx.workspaceId),
          equals(tx, "user_id", userId),
          equals(tx, "status", input.status),
          equals(tx, "channel", input.channel),
        ],
        query,
      }),
    );
  },
});
