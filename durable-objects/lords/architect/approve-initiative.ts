import * as v from "valibot";
import { uuid } from "../../../functions/campaigns/fields.ts";
import type { InitiativeStatus } from "../../../shared/domain/architect/index.ts";
import { defineCapability } from "../capability.ts";
import { loadInitiative } from "./initiative-rows.ts";
import { type InitiativeMove, moveInitiative } from "./move-initiative.ts";

/** `POST /initiatives/:id/approve`. */
export const ApproveInitiativeInput = v.object({ id: uuid("id") });

/**
 * Approves an initiative. Approval is the review: a `proposed` initiative passes through
 * `under_review` to `approved` (two legal steps, both recorded), one `under_review` goes
 * straight to `approved`; from any other state it is a 409 naming the allowed next states.
 */
export const approveInitiative = defineCapability({
  name: "approve_initiative",
  description: "Approves a proposed or under-review initiative and records the approval decision",
  input: ApproveInitiativeInput,
  mutates: true,
  async handler(input, ctx): Promise<InitiativeMove> {
    const move = await ctx.transaction(async (tx, emit) => {
      const initiative = await loadInitiative(tx, ctx.workspaceId, input.id, { lock: true });
      const path: InitiativeStatus[] = initiative.status === "proposed" ? ["under_review", "approved"] : ["approved"];
      return moveInitiative(tx, emit, ctx, initiative, path, null);
    });
    ctx.state.count("initiatives_approved");
    return move;
  },
});
