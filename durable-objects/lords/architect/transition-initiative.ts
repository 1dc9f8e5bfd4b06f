import * as v from "valibot";
import { oneOf, strictBody, text, uuid } from "../../../functions/campaigns/fields.ts";
import { INITIATIVE_STATUSES } from "../../../shared/domain/architect/index.ts";
import { defineCapability } from "../capability.ts";
import { loadInitiative } from "./initiative-rows.ts";
import { type InitiativeMove, moveInitiative } from "./move-initiative.ts";

/** `POST /initiatives/:id/transition` body. */
export const TransitionInitiativeBody = strictBody({
  status: oneOf(INITIATIVE_STATUSES, "status"),
  reason: v.optional(text("reason", 2000)),
});

/** The capability's input: the body and the initiative id from the path. */
export const TransitionInitiativeInput = v.object({ id: uuid("id"), ...TransitionInitiativeBody.entries });

/**
 * Moves an initiative one step through its 9-state lifecycle (review, reject, re-propose,
 * plan, start, pause, resume, complete, cancel). Only legal transitions: anything else is a
 * 409 listing the states allowed next.
 */
export const transitionInitiative = defineCapability({
  name: "transition_initiative",
  description: "Moves an initiative to its next lifecycle state; only legal transitions are accepted",
  input: TransitionInitiativeInput,
  mutates: true,
  async handler(input, ctx): Promise<InitiativeMove> {
    return ctx.transaction(async (tx, emit) => {
      const initiative = await loadInitiative(tx, ctx.workspaceId, input.id, { lock: true });
      return moveInitiative(tx, emit, ctx, initiative, [input.status], input.reason ?? null);
    });
  },
});
