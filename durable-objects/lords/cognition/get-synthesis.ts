import * as v from "valibot";
import { uuid } from "../../../functions/campaigns/fields.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { loadSyntheses, type SynthesisDetail } from "./synthesis-rows.ts";

/** `GET /synthesis/:id`. */
export const GetSynthesisInput = v.object({ id: uuid("id") });

/** One synthesis with its learnings and figures; 404 when the workspace has no such synthesis. */
export const getSynthesis = defineCapability({
  name: "get_synthesis",
  description: "Reads one synthesis with the learnings it was built from",
  input: GetSynthesisInput,
  mutates: false,
  async handler(input, ctx): Promise<SynthesisDetail> {
    const [synthesis] = await ctx.transaction((tx) => loadSyntheses(tx, ctx.workspaceId, [input.id]));
    if (!synthesis) throw ApiError.notFound(`Synthesis ${input.id} not found in this workspace`, "SYNTHESIS_NOT_FOUND");
    return synthesis;
  },
});
