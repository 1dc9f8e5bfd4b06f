import * as v from "valibot";
import { uuid } from "../../../functions/campaigns/fields.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { findLearning, type LearningView } from "./learning-rows.ts";

/** `GET /learning/:id`. */
export const GetLearningInput = v.object({ id: uuid("id") });

/** A learning with the syntheses built from it. */
export interface LearningDetail extends LearningView {
  syntheses: { id: string; synthesis_type: string; title: string; status: string }[];
}

/** One learning and the syntheses that used it; 404 when the workspace has no such learning. */
export const getLearning = defineCapability({
  name: "get_learning",
  description: "Reads one learning with the syntheses built from it",
  input: GetLearningInput,
  mutates: false,
  async handler(input, ctx): Promise<LearningDetail> {
    return ctx.transaction(async (tx) => {
      const learning = await findLearning(tx, ctx.workspaceId, input.id);
      if (!learning) throw ApiError.notFound(`Learning ${input.id} not found in this workspace`, "LEARNING_NOT_FOUND");
      const syntheses = await tx<LearningDetail["syntheses"]>`
        select s.id, s.synthesis_type, s.title, s.status
        from public.synthesis_learnings sl join public.syntheses s on s.workspace_id = sl.workspace_id and s.id = sl.synthesis_id
        where sl.workspace_id = ${ctx.workspaceId} and sl.learning_id = ${input.id}
        order by s.created_at desc`;
      return { ...learning, syntheses };
    });
  },
});
