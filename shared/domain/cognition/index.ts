export {
  DEFAULT_RELEVANCE_THRESHOLD,
  type Decision,
  type DecisionOption,
  decide,
  type OptionEvidence,
} from "./decide.ts";
export {
  DEFAULT_MENTOR_TARGETS,
  type ErrorPattern,
  type ExecutionRecord,
  type Guidance,
  type Mentoring,
  type MentorTargets,
  mentorAgent,
} from "./mentor.ts";
export { learningSimilarity, learningTerms } from "./similarity.ts";
export {
  DEFAULT_SIMILARITY_THRESHOLD,
  type Synthesis,
  type SynthesisResult,
  synthesizeLearnings,
} from "./synthesize.ts";
export { LEARNING_TYPES, type Learning, type LearningType, SYNTHESIS_TYPES, type SynthesisType } from "./types.ts";
