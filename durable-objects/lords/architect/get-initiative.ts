import * as v from "valibot";
import { uuid } from "../../../functions/campaigns/fields.ts";
import { defineCapability } from "../capability.ts";
import { type InitiativeDetail, loadInitiative } from "./initiative-rows.ts";

/** `GET /initiatives/:id`. */
export const GetInitiativeInput = v.object({ id: uuid("id") });

/** One initiative with its phases; 404 when the workspace has no such initiative. */
export const getInitiative = defineCapability({
  name: "get_initiative",
  description: "Reads one initiative with its phases",
  input: GetInitiativeInput,
  mutates: false,
  async handler(input, ctx): Promise<InitiativeDetail> {
    return ctx.transaction((tx) => loadInitiative(tx, ctx.workspaceId, input.id));
  },
});
