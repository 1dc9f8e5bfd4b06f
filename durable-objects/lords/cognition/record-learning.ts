import * as v from "valibot";
import { oneOf, strictBody, uuid } from "../../../functions/campaigns/fields.ts";
import { LEARNING_TYPES } from "../../../shared/domain/cognition/index.ts";
import { defineCapability } from "../capability.ts";
import { agentCode, contextObject, prose, tagList, unit } from "./inputs.ts";
import { insertLearning, type LearningView } from "./learning-rows.ts";
import { type Remembered, rememberLearning } from "./remember.ts";

/** `POST /learning/record`. */
export const RecordLearningInput = strictBody({
  learning_type: oneOf(LEARNING_TYPES, "learning_type"),
  source: prose("source", 200),
  insight: prose("insight", 5000),
  context: v.optional(contextObject("context"), {}),
  confidence: unit("confidence"),
  tags: v.optional(tagList("tags"), []),
  agent_code: v.optional(agentCode("agent_code")),
  campaign_id: v.optional(uuid("campaign_id")),
  execution_id: v.optional(uuid("execution_id")),
});

/** The stored learning and where it went in the knowledge base. */
export interface RecordedLearning {
  learning: LearningView;
  knowledge: Remembered;
}

/**
 * Records a success, failure or pattern with its source, context and confidence, then writes it
 * to the knowledge base so agents retrieve it (a knowledge-base failure leaves the learning
 * recorded and is reported in `knowledge`).
 */
export const recordLearning = defineCapability({
  name: "record_learning",
  description: "Records a success, failure or pattern learning with its source, context and confidence",
  input: RecordLearningInput,
  mutates: true,
  async handler(input, ctx): Promise<RecordedLearning> {
    const learning = await ctx.transaction((tx, emit) =>
      insertLearning(tx, emit, ctx.workspaceId, ctx.actor.userId, input),
    );
    const knowledge = await rememberLearning(ctx, { actorId: ctx.actor.userId, requestId: ctx.requestId }, learning);
    if (knowledge.stored) learning.knowledge_memory_ids = knowledge.memory_ids;
    ctx.state.count("learnings_recorded");
    ctx.state.count(`learnings_${learning.learning_type}`);
    return { learning, knowledge };
  },
});
