import * as v from "valibot";
import { name, oneOf, strictBody, timestamp, uuid } from "../../../functions/campaigns/fields.ts";
import { type Decision, decide } from "../../../shared/domain/cognition/index.ts";
import { defineCapability } from "../capability.ts";
import { type DecisionView, findDecision } from "./decision-rows.ts";
import { contextObject, learningWindow, prose, tagList, unit } from "./inputs.ts";
import { loadLearnings } from "./learning-rows.ts";

/** The kinds of decision the Cognition Lord makes (routing and conflicts belong to other Lords). */
const DECISION_TYPES = ["strategic", "resource", "content", "priority_override", "approval"] as const;

/** One option to choose between. */
const OptionInput = strictBody({
  id: prose("options.id", 100),
  description: prose("options.description", 2000),
  tags: v.optional(tagList("options.tags")),
});

/** `POST /decisions/make`: the question, its options, and which learnings may bear on it. */
export const MakeDecisionInput = strictBody({
  title: name("title", 300),
  options: v.pipe(
    v.array(OptionInput, "options must be an array"),
    v.minLength(1, "options needs at least one option"),
    v.maxLength(20, "options may hold at most 20 options"),
  ),
  decision_type: v.optional(oneOf(DECISION_TYPES, "decision_type"), "strategic"),
  context: v.optional(contextObject("context"), {}),
  tags: v.optional(tagList("tags")),
  since: v.optional(timestamp("since")),
  relevance_threshold: v.optional(
    v.pipe(unit("relevance_threshold"), v.minValue(0.01, "relevance_threshold must be ≥ 0.01")),
  ),
  max_learnings: learningWindow,
  synthesis_id: v.optional(uuid("synthesis_id")),
  initiative_id: v.optional(uuid("initiative_id")),
});

/** The stored decision and the evidence it was made from. */
export interface MadeDecision {
  decision: DecisionView;
  evidence: Decision;
  learnings_considered: number;
}

/**
 * Chooses between options from the workspace's learnings: each success or failure relevant to
 * an option (by its words or tags) counts with its confidence, the option with the highest
 * posterior success rate wins, and the confidence is the probability it really is the better
 * one. Stored as a proposed decision with its rationale; `decision.made` is emitted.
 */
export const makeDecision = defineCapability({
  name: "make_decision",
  description: "Chooses between options from the workspace's learnings, with confidence and rationale",
  input: MakeDecisionInput,
  mutates: true,
  async handler(input, ctx): Promise<MadeDecision> {
    const learnings = await ctx.transaction((tx) =>
      loadLearnings(tx, ctx.workspaceId, { tags: input.tags, since: input.since, limit: input.max_learnings }),
    );
    const evidence = decide(input.options, learnings, { relevanceThreshold: input.relevance_threshold });
    const chosen = input.options.find((o) => o.id === evidence.choice);

    const decision = await ctx.transaction(async (tx, emit) => {
      const [row] = await tx<{ id: string }[]>`
        insert into public.decisions (workspace_id, lord, decision_type, title, context, recommendation, rationale,
                                      confidence, status, synthesis_id, initiative_id, decided_by, decided_at)
        values (${ctx.workspaceId}, 'cognition', ${input.decision_type}, ${input.title},
                ${tx.json({
                  ...input.context,
                  options: input.options,
                  evidence: evidence.options,
                  learnings_considered: learnings.length,
                } as unknown as Parameters<typeof tx.json>[0])},
                ${`${evidence.choice}: ${chosen?.description ?? ""}`}, ${evidence.rationale.join("\n")},
                ${evidence.confidence}, 'proposed', ${input.synthesis_id ?? null}, ${input.initiative_id ?? null},
                ${ctx.actor.userId}, now())
        returning id`;
      if (!row) throw new Error("decision insert returned no row");
      const stored = await findDecision(tx, ctx.workspaceId, row.id);
      if (!stored) throw new Error("inserted decision is not visible");
      await emit("decision.made", {
        decision_id: stored.id,
        decision_type: stored.decision_type,
        title: stored.title,
        choice: evidence.choice,
        confidence: stored.confidence,
        options: input.options.length,
        learnings_considered: learnings.length,
      });
      return stored;
    });
    ctx.state.count("decisions_made");
    return { decision, evidence, learnings_considered: learnings.length };
  },
});
