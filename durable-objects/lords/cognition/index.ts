import type { LordModule } from "../capability.ts";
import { getDecision } from "./get-decision.ts";
import { getLearning } from "./get-learning.ts";
import { getSynthesis } from "./get-synthesis.ts";
import { learnFromRejection } from "./learn-from-rejection.ts";
import { getLearningSummary } from "./learning-summary.ts";
import { listDecisions } from "./list-decisions.ts";
import { listLearnings } from "./list-learnings.ts";
import { listSyntheses } from "./list-syntheses.ts";
import { makeDecision } from "./make-decision.ts";
import { mentorAgent } from "./mentor-agent.ts";
import { recordLearning } from "./record-learning.ts";
import { synthesizeKnowledge } from "./synthesize-knowledge.ts";

/**
 * The Cognition Lord (LORD-002): the learning journal and the knowledge synthesised from it,
 * decisions made from learnings, and mentoring of agents from their execution history.
 */
export const capabilities: LordModule["capabilities"] = [
  recordLearning,
  synthesizeKnowledge,
  makeDecision,
  mentorAgent,
  getLearningSummary,
  listLearnings,
  getLearning,
  listSyntheses,
  getSynthesis,
  listDecisions,
  getDecision,
];

/** What Cognition learns from on its own: content the Aesthete rejected. */
export const reactions: LordModule["reactions"] = [learnFromRejection];
