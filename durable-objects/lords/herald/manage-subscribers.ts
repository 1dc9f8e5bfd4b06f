import type postgres from "postgres";
import type { SubscriptionsRow } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { ManageSubscribersInput } from "./inputs.ts";
import { requireMembers } from "./members.ts";

/** What `manage_subscribers` answers: the subscriptions it registered or deactivated. */
export interface ManageSubscribersResult {
  action: "register" | "unregister";
  user_id: string;
  subscriptions: SubscriptionsRow[];
}

/** The live-state item of one subscription: the Lord's status shows how many are active. */
export function subscriptionItem(row: Pick<SubscriptionsRow, "user_id" | "topic" | "channel">): string {
  return `${row.user_id}:${row.topic}:${row.channel}`;
}

/**
 * Registers a member for topics (event types, `domain.*` wildcards or channels) on channels, or
 * unregisters them. Registering upserts: an inactive subscription comes back and its filters are
 * replaced. Unregistering deactivates, so the history stays. Members manage their own
 * subscriptions; lord operators anyone's (RLS decides).
 */
export const manageSubscribers = defineCapability({
  name: "manage_subscribers",
  description: "Registers or unregisters a member for event topics on notification channels",
  input: ManageSubscribersInput,
  mutates: true,
  async handler(input, ctx): Promise<ManageSubscribersResult> {
    const userId = input.user_id ?? ctx.actor.userId;
    const pairs = input.topics.flatMap((topic) => input.channels.map((channel) => ({ topic, channel })));
    const subscriptions = await ctx.transaction(async (tx, emit) => {
      await requireMembers(tx, ctx.workspaceId, [userId], () => "user_id");
      const rows =
        input.action === "register"
          ? await tx<SubscriptionsRow[]>`
              insert into public.subscriptions (workspace_id, user_id, topic, channel, is_active, filters)
              select ${ctx.workspaceId}, ${userId}, p.topic, p.channel, true,
                     ${tx.json((input.filters ?? {}) as postgres.JSONValue)}
              from jsonb_to_recordset(${tx.json(pairs)}) as p (topic text, channel text)
              on conflict (workspace_id, user_id, topic, channel)
                do update set is_active = true, filters = excluded.filters
              returning *`
          : await tx<SubscriptionsRow[]>`
              update public.subscriptions s set is_active = false
              from jsonb_to_recordset(${tx.json(pairs)}) as p (topic text, channel text)
              where s.workspace_id = ${ctx.workspaceId} and s.user_id = ${userId}
                and s.topic = p.topic and s.channel = p.channel and s.is_active
              returning s.*`;
      await emit("subscription.changed", {
        action: input.action,
        user_id: userId,
        topics: input.topics,
        channels: input.channels,
        changed: rows.length,
      });
      return rows;
    });
    for (const row of subscriptions) {
      if (input.action === "register") ctx.state.track("subscriptions", subscriptionItem(row), "active");
      else ctx.state.release("subscriptions", subscriptionItem(row));
    }
    return { action: input.action, user_id: userId, subscriptions };
  },
});
