import { DomainInputError } from "../errors.ts";
import { requireInRange, requireText, requireUniqueIds } from "../validate.ts";
import { LEARNING_TYPES, type Learning } from "./types.ts";

/** Validates learnings: unique ids, known types, an insight, confidence in 0–1. */
export function requireLearnings(learnings: readonly Learning[]): void {
  requireUniqueIds(
    "learnings",
    learnings.map((l) => l.id),
  );
  learnings.forEach((l, i) => {
    if (!LEARNING_TYPES.includes(l.type)) {
      throw new DomainInputError(`learnings[${i}].type`, `must be one of ${LEARNING_TYPES.join(", ")}`);
    }
    requireText(`learnings[${i}].insight`, l.insight);
    requireInRange(`learnings[${i}].confidence`, l.confidence, 0, 1);
  });
}
