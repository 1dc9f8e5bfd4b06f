import * as v from "valibot";
import { uuid } from "../../../functions/campaigns/fields.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { type DecisionView, findDecision } from "./decision-rows.ts";

/** `GET /decisions/:id`. */
export const GetDecisionInput = v.object({ id: uuid("id") });

/** One of the Cognition Lord's decisions; 404 when the workspace has no such decision. */
export const getDecision = defineCapability({
  name: "get_decision",
  description: "Reads one of the Cognition Lord's decisions with its evidence",
  input: GetDecisionInput,
  mutates: false,
  async handler(input, ctx): Promise<DecisionView> {
    const decision = await ctx.transaction((tx) => findDecision(tx, ctx.workspaceId, input.id));
    if (!decision) throw ApiError.notFound(`Decision ${input.id} not found in this workspace`, "DECISION_NOT_FOUND");
    return decision;
  },
});
