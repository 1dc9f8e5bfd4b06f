import { heraldConfig, usesLocalOutbox } from "../../../shared/herald/config.ts";
import { type OutboxEntry, readOutbox } from "../../../shared/herald/outbox.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { OutboxInput } from "./inputs.ts";

/** Messages listed when the query names no limit. */
const DEFAULT_LIMIT = 50;

/**
 * The local outbox: what email, Slack and SMS deliveries would have sent, newest first, in local
 * and test runs (where channels without provider keys deliver there). Elsewhere it does not
 * exist, and saying so is a 404.
 */
export const listOutbox = defineCapability({
  name: "list_outbox",
  description: "Lists the local outbox of messages delivered without a provider (local runs only)",
  input: OutboxInput,
  mutates: false,
  async handler(input, ctx): Promise<{ items: OutboxEntry[] }> {
    if (!usesLocalOutbox(heraldConfig(ctx.env))) {
      throw ApiError.notFound("The local outbox exists only in local and test runs", "OUTBOX_NOT_AVAILABLE");
    }
    const limit = input.limit === undefined ? DEFAULT_LIMIT : Number(input.limit);
    return { items: await readOutbox(ctx.services.redis, ctx.workspaceId, limit) };
  },
});
