import * as v from "valibot";
import { KnowledgeDocument } from "./templates.ts";
import { CATEGORIES, COLLECTIONS, MEMORY_TYPES } from "./vocabulary.ts";

const AGENT_CODE = /^(LORD|RES|MUSE|MTX|GRD)-\d{3}$/;

/** One document to ingest: where it goes, how it is labelled, and the typed document itself. */
export const KnowledgeInput = v.strictObject({
  title: v.pipe(v.string("title must be a string"), v.trim(), v.nonEmpty("title must not be empty"), v.maxLength(300)),
  category: v.picklist(CATEGORIES, `category must be one of ${CATEGORIES.join(", ")}`),
  /** Defaults to the template's collection (vocabulary.ts `DEFAULT_COLLECTION`). */
  collection: v.optional(v.picklist(COLLECTIONS, `collection must be one of ${COLLECTIONS.join(", ")}`)),
  /** Where the knowledge came from: a report, an export, an agent run. */
  source: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty("source must not be empty"), v.maxLength(500))),
  memory_type: v.optional(v.picklist(MEMORY_TYPES, `memory_type must be one of ${MEMORY_TYPES.join(", ")}`)),
  /** The agent the knowledge is about or came from (LORD-002 for Cognition's learnings). */
  agent_code: v.optional(v.pipe(v.string(), v.toUpperCase(), v.regex(AGENT_CODE, "agent_code must look like RES-001"))),
  document: KnowledgeDocument,
});
/** A validated ingest input (defaults applied). */
export type KnowledgeInput = v.InferOutput<typeof KnowledgeInput>;
/** An ingest input as a caller writes it. */
export type KnowledgeInputDraft = v.InferInput<typeof KnowledgeInput>;

/** Validates an input written in code (the agent runtime, the Cognition Lord); throws on a bad one. */
export function parseKnowledgeInput(input: unknown): KnowledgeInput {
  return v.parse(KnowledgeInput, input);
}
