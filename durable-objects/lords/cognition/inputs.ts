import * as v from "valibot";
import { getAgent } from "../../../shared/agents/registry/index.ts";

// Field schemas the Cognition Lord's inputs share.

/** A registered agent's code (RES-001, MUSE-014, LORD-002), upper-cased. */
export const agentCode = (field: string) =>
  v.pipe(
    v.string(`${field} must be a string`),
    v.trim(),
    v.toUpperCase(),
    v.check((code) => getAgent(code) !== undefined, `${field} must be a registered agent code such as RES-001`),
  );

/** Tags: trimmed, lower-cased, 1–50 characters, at most 20, each once. */
export const tagList = (field: string) =>
  v.pipe(
    v.array(
      v.pipe(
        v.string(`${field} entries must be strings`),
        v.trim(),
        v.toLowerCase(),
        v.minLength(1, `${field} entries must not be empty`),
        v.maxLength(50, `${field} entries must be at most 50 characters`),
      ),
      `${field} must be an array`,
    ),
    v.maxLength(20, `${field} may hold at most 20 tags`),
    v.transform((tags) => [...new Set(tags)]),
  );

/** A probability or confidence, 0–1. */
export const unit = (field: string) =>
  v.pipe(
    v.number(`${field} must be a number`),
    v.finite(`${field} must be a finite number`),
    v.minValue(0, `${field} must be ≥ 0`),
    v.maxValue(1, `${field} must be ≤ 1`),
  );

/** Required text, trimmed, of bounded length. */
export const prose = (field: string, max: number) =>
  v.pipe(
    v.string(`${field} must be a string`),
    v.trim(),
    v.minLength(1, `${field} must not be empty`),
    v.maxLength(max, `${field} must be at most ${max} characters`),
  );

/** How many recent learnings an algorithm reads (default 500: a year of a busy workspace's journal). */
export const learningWindow = v.optional(
  v.pipe(
    v.number("max_learnings must be a number"),
    v.integer("max_learnings must be an integer"),
    v.minValue(1, "max_learnings must be ≥ 1"),
    v.maxValue(2000, "max_learnings must be ≤ 2000"),
  ),
  500,
);

/** A free-form JSON object of context. */
export const contextObject = (field: string) =>
  v.pipe(
    v.unknown(),
    // valibot's record takes arrays for objects (and rebuilds them keyed by index): refuse them first.
    v.check((value) => !Array.isArray(value), `${field} must be a JSON object`),
    v.record(v.string(), v.unknown(), `${field} must be a JSON object`),
  );
