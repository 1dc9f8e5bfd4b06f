import type { Instant } from "../time.ts";

/** What a learning records: a success, a failure, or an observed pattern without an outcome. */
export const LEARNING_TYPES = ["success", "failure", "pattern"] as const;
/** One of LEARNING_TYPES. */
export type LearningType = (typeof LEARNING_TYPES)[number];

/** The four kinds of synthesis. */
export const SYNTHESIS_TYPES = ["trend", "pattern", "prediction", "recommendation"] as const;
/** One of SYNTHESIS_TYPES. */
export type SynthesisType = (typeof SYNTHESIS_TYPES)[number];

/** A recorded learning. */
export interface Learning {
  id: string;
  type: LearningType;
  insight: string;
  tags?: string[];
  /** How sure the recorder was, 0–1. */
  confidence: number;
  /** Needed for trend detection. */
  recordedAt?: Instant;
  source?: string;
}
