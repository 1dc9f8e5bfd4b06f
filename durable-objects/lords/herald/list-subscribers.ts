import { equals, listPage, type Page } from "../../../shared/db/pagination.ts";
import type { SubscriptionsRow } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { ListSubscribersInput } from "./inputs.ts";
import { toListQuery } from "./list-query.ts";

/**
 * Lists subscriptions, newest first, filtered by member, topic, channel and whether active.
 * Members see their own; lord operators everyone's (RLS).
 */
export const listSubscribers = defineCapability({
  name: "list_subscribers",
  description: "Lists who is subscribed to which topics on which channels",
  input: ListSubscribersInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<SubscriptionsRow>> {
    const query = toListQuery(input, "-created_at");
    return ctx.transaction((tx) =>
      listPage<SubscriptionsRow>(tx, {
        table: "public.subscriptions",
        where: [
          equals(tx, "workspace_id", ctx.workspaceId),
          equals(tx, "user_id", input.user_id),
          equals(tx, "topic", input.topic),
          equals(tx, "channel", input.channel),
          equals(tx, "is_active", input.active === undefined ? undefined : input.active === "true"),
        ],
        query,
      }),
    );
  },
});
