import { Hono } from "hono";
import { MakeDecisionInput } from "../../../durable-objects/lords/cognition/make-decision.ts";
import { MentorAgentInput } from "../../../durable-objects/lords/cognition/mentor-agent.ts";
import { RecordLearningInput } from "../../../durable-objects/lords/cognition/record-learning.ts";
import { SynthesizeKnowledgeInput } from "../../../durable-objects/lords/cognition/synthesize-knowledge.ts";
import type { AppEnv } from "../../../shared/app-env.ts";
import { lordAction, lordQuery } from "../routes.ts";
import {
  IdParams,
  LearningSummaryQuery,
  RecentDecisionsQuery,
  RecentLearningsQuery,
  RecentSynthesesQuery,
} from "./schemas.ts";

// Response types of the routes (their `data`), for clients and tests.
export type { DecisionView } from "../../../durable-objects/lords/cognition/decision-rows.ts";
export type { LearningDetail } from "../../../durable-objects/lords/cognition/get-learning.ts";
export type { LearningView } from "../../../durable-objects/lords/cognition/learning-rows.ts";
export type { LearningSummary } from "../../../durable-objects/lords/cognition/learning-summary.ts";
export type { MadeDecision } from "../../../durable-objects/lords/cognition/make-decision.ts";
export type { MentoringResult } from "../../../durable-objects/lords/cognition/mentor-agent.ts";
export type { RecordedLearning } from "../../../durable-objects/lords/cognition/record-learning.ts";
export type { SynthesisDetail, SynthesisView } from "../../../durable-objects/lords/cognition/synthesis-rows.ts";
export type { SynthesisRun } from "../../../durable-objects/lords/cognition/synthesize-knowledge.ts";

const lord = "cognition";

/**
 * The Cognition Lord's routes under `/lords/cognition` (council-of-lords-plan.md §4.2). The
 * fixed paths (`/learning/recent`, `/learning/summary`) come before `/learning/:id` so they are
 * not read as ids. `status` and the `/ws/lords/cognition` socket are served for every Lord.
 */
export const cognitionRoutes = new Hono<AppEnv>()
  .post("/learning/record", ...lordAction(lord, "record_learning", RecordLearningInput, { status: 201 }))
  .get("/learning/recent", ...lordQuery(lord, "list_learnings", RecentLearningsQuery))
  .get("/learning/summary", ...lordQuery(lord, "get_learning_summary", LearningSummaryQuery))
  .get("/learning/:id", ...lordQuery(lord, "get_learning", undefined, { params: IdParams }))
  .post("/synthesis/create", ...lordAction(lord, "synthesize_knowledge", SynthesizeKnowledgeInput, { status: 201 }))
  .get("/synthesis/recent", ...lordQuery(lord, "list_syntheses", RecentSynthesesQuery))
  .get("/synthesis/:id", ...lordQuery(lord, "get_synthesis", undefined, { params: IdParams }))
  .post("/decisions/make", ...lordAction(lord, "make_decision", MakeDecisionInput, { status: 201 }))
  .get("/decisions/recent", ...lordQuery(lord, "list_decisions", RecentDecisionsQuery))
  .get("/decisions/:id", ...lordQuery(lord, "get_decision", undefined, { params: IdParams }))
  .post("/mentoring/provide", ...lordAction(lord, "mentor_agent", MentorAgentInput, { status: 201 }));
